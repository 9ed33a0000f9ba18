#!/bin/bash
# Kassa deb: postrm (electron-builder.yml deb.afterRemove). Replaces electron-builder's after-remove template
# (app-builder-lib/templates/linux/after-remove.tpl, 26.17.0): does its steps, then removes the udev rule that
# after-install.sh installed. dpkg also runs postrm on upgrade; the new version's postinst puts everything back.
# Macros as in after-install.sh: only the dollar-brace forms of `executable` and `sanitizedProductName`; every
# command goes through PATH (electron/hosts/deb-scripts.test.ts runs it against stubs).

APP_DIR='/opt/${sanitizedProductName}'

# True in a chroot (image building), where nothing is unloaded from the running kernel or udev.
in_chroot() {
  hash ischroot 2>/dev/null && ischroot
}

# 1. The command on PATH. update-alternatives --remove takes the registered target, not the /usr/bin link.
if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove '${executable}' "$APP_DIR/${executable}"
else
  rm -f '/usr/bin/${executable}'
fi

# 2. The AppArmor profile: unloaded from the running kernel first (not in a chroot), then deleted.
APPARMOR_TARGET='/etc/apparmor.d/${executable}'
if [ -f "$APPARMOR_TARGET" ]; then
  if apparmor_status --enabled >/dev/null 2>&1; then
    if ! in_chroot && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_TARGET" || true
    fi
  fi
  rm -f "$APPARMOR_TARGET"
fi

# 3. Kassa: the udev rule, and a reload where a udev daemon runs (guarded as in after-install.sh).
UDEV_RULE_TARGET='/etc/udev/rules.d/70-kassa-hid.rules'
rm -f "$UDEV_RULE_TARGET"
if hash udevadm 2>/dev/null && ! in_chroot; then
  udevadm control --reload-rules 2>/dev/null || true
fi

exit 0
