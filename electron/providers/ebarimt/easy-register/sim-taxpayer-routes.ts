/**
 * The public taxpayer lookup (ITC, api.ebarimt.mn in production; no bearer) served by the Easy Register
 * simulator: a company's 7-digit register number → TIN, and a TIN → the registered name. ITC documents neither;
 * the shapes follow what public integrations read (`data` a number for getTinInfo, `data.found` / `data.name`
 * for getInfo). How ITC answers an unknown register number is not known: the simulator answers HTTP 200 with
 * `status: 400` and `data: null`, and an unknown TIN `data.found: false`.
 */
import type { SimReply, SimRequest } from '../../simulator-kit';

export interface SimCompany {
  /** The 7-digit state register number; null for a taxpayer known only by TIN. */
  regNo: string | null;
  /** 11 digits (organisation) or 14 digits. */
  tin: string;
  name: string;
  vatPayer: boolean;
}

export const SEED_COMPANIES: readonly SimCompany[] = [
  { regNo: '5012345', tin: '37900012345', name: 'Жишээ Трейд ХХК', vatPayer: true },
  { regNo: '6235972', tin: '37900846788', name: 'Говийн Зөгий ХХК', vatPayer: true },
  { regNo: null, tin: '10012345678901', name: 'Хан-Уул Сервис ХХК', vatPayer: false },
];

const NOT_FOUND_MSG = 'Татвар төлөгч олдсонгүй';

/** The reply for a public lookup path, or undefined when the request is not one. */
export function taxpayerRoute(req: SimRequest, companies: readonly SimCompany[]): SimReply | undefined {
  if (req.method !== 'GET') {
    return undefined;
  }
  if (req.path === '/api/info/check/getTinInfo') {
    const regNo = req.query.get('regNo') ?? '';
    const company = companies.find((c) => c.regNo !== null && c.regNo === regNo);
    return company
      ? { status: 200, body: { status: 200, msg: '', data: Number(company.tin) } }
      : { status: 200, body: { status: 400, msg: NOT_FOUND_MSG, data: null } };
  }
  if (req.path === '/api/info/check/getInfo') {
    const tin = req.query.get('tin') ?? '';
    const company = companies.find((c) => c.tin === tin);
    return {
      status: 200,
      body: {
        status: 200,
        msg: '',
        data: company
          ? {
              name: company.name,
              found: true,
              vatPayer: company.vatPayer,
              cityPayer: true,
              freeProject: false,
            }
          : { name: null, found: false, vatPayer: null, cityPayer: null, freeProject: null },
      },
    };
  }
  return undefined;
}
