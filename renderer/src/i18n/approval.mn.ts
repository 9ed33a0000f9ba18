/**
 * E-receipt approval screen (cashier UI) — Mongolian, the source. Merged into the cashier catalog by
 * `withApprovalCatalog` (index.ts), so keys live under `approval.*` plus the `nav.approval` tab label.
 * Easy Register's answers and errors are not here: their text arrives in the view-model (mn + en).
 */
export const approvalMn = {
  nav: {
    approval: 'И-баримт бүртгэх',
  },
  approval: {
    title: 'И-баримтыг худалдан авагчид бүртгэх',
    steps: {
      identify: '1. Худалдан авагч',
      confirm: '2. Баталгаажуулах',
      scan: '3. Баримт уншуулах',
    },
    identifyPrompt: 'Регистрийн дугаар, утас эсвэл И-баримтын 8 оронтой кодыг оруулна уу',
    queryLabel: 'Регистр / утас / код',
    queryPlaceholder: 'УБ99112233',
    lookup: 'Хайх',
    lookingUp: 'Хайж байна…',
    pendingQr: 'Баримтын QR уншигдсан — худалдан авагчийг баталгаажуулмагц илгээнэ',
    confirmPrompt: 'Худалдан авагчаас нэрийг нь асууж тулгана уу',
    name: 'Нэр',
    noName: 'Нэр мэдэгдэхгүй (утас/кодоор хайсан)',
    customerNo: 'И-баримтын код',
    email: 'И-мэйл',
    identifiedBy: {
      regno: 'Регистрээр олдсон',
      phone: 'Утсаар олдсон',
      'customer-no': 'Кодоор олдсон',
    },
    confirm: 'Зөв, баталгаажуулах (Enter)',
    wrongBuyer: 'Буруу хүн',
    scanPrompt: 'Баримтын QR кодыг уншуулна уу',
    scanHint: 'Хэд хэдэн баримтыг дараалан уншуулж болно',
    submitting: 'Илгээж байна…',
    resultApproved: 'Бүртгэгдлээ',
    resultNotApproved: 'Бүртгэгдсэнгүй',
    approvedCount: 'Энэ худалдан авагчид бүртгэсэн баримт: {{n}}',
    retry: 'Дахин оролдох',
    newBuyer: 'Шинэ худалдан авагч',
    close: 'Хаах',
    support: 'Техникийн дэмжлэг: {{hint}}',
    code: 'Код: {{code}}',
    sessionEnded: {
      sale: 'Өмнөх худалдан авагчийн бүртгэл дууслаа (касс борлуулалт руу шилжсэн). Энэ баримтын худалдан авагчийг оруулна уу.',
      idle: 'Өмнөх худалдан авагчийн бүртгэл 2 минут хөдөлгөөнгүй байсан тул дууслаа. Энэ баримтын худалдан авагчийг оруулна уу.',
    },
    saleBuyer: {
      placeholder: 'Регистр, утас, 8 оронтой код, байгууллагын регистр эсвэл ТТД',
      customer: 'Хэрэглэгч {{code}}',
      organizationTin: 'ТТД {{tin}}',
      b2b: 'Байгууллагад (B2B) баримт гарна',
      errors: {
        unrecognised:
          'Регистр (2 үсэг + 8 орон), утас, И-баримтын 8 оронтой код, байгууллагын регистр (7 орон) эсвэл ТТД (11/14 орон) оруулна уу.',
        'citizen-not-found': 'Энэ регистрийн дугаартай иргэн И-баримтад олдсонгүй.',
        'phone-not-registered': 'Энэ утасны дугаараар И-баримтад бүртгэлтэй хэрэглэгч олдсонгүй.',
        'customer-not-found': 'Энэ 8 оронтой кодтой И-баримтын хэрэглэгч олдсонгүй.',
        'phone-shared': 'Энэ утсанд хэд хэдэн хэрэглэгч бүртгэлтэй. Регистр эсвэл кодоор хайна уу.',
        'company-not-found': 'Энэ регистрийн дугаартай байгууллага татварын бүртгэлд олдсонгүй.',
        'tin-not-found': 'Энэ ТТД-тай татвар төлөгч олдсонгүй.',
        'receipt-issued':
          'Баримт аль хэдийн гарсан. Худалдан авагчид «И-баримт бүртгэх» дэлгэцээр бүртгэнэ үү.',
        'receipt-issuing': 'Баримт яг одоо гарч байна. Түр хүлээгээд дахин оролдоно уу.',
      },
    },
  },
} as const;
