#!/bin/bash
# Kassa deb: postinst (electron-builder.yml deb.afterInstall). Setting our own script replaces electron-builder's
# after-install template (app-builder-lib/templates/linux/after-install.tpl, 26.17.0), so this script does every
# step of that template, in its order, and then installs the udev rule for scanners and pole displays.
#
# electron-builder fills in two macros before packing: the dollar-brace forms of `executable` (kassa) and
# `sanitizedProductName` (Kassa). Any other dollar-brace name made of letters only fails the build ("Macro … is
# not defined"), so shell variables below are written $NAME or use an underscore.
# Every command goes through PATH (ischroot too, which dpkg's PATH finds in /usr/bin): the tests render this file as
# electron-builder does and run it against stub commands (electron/hosts/deb-scripts.test.ts).

APP_DIR='/opt/${sanitizedProductName}'
APP_BIN='/usr/bin/${executable}'

# True in a chroot (image building), where nothing is loaded into the running kernel or udev.
in_chroot() {
  hash ischroot 2>/dev/null && ischroot
}

# 1. The command on PATH: through update-alternatives where the system has it (replacing a plain link an older
#    install left), a symlink otherwise.
if type update-alternatives >/dev/null 2>&1; then
  if [ -L "$APP_BIN" ] && [ -e "$APP_BIN" ] && [ "$(readlink "$APP_BIN")" != '/etc/alternatives/${executable}' ]; then
    rm -f "$APP_BIN"
  fi
  update-alternatives --install "$APP_BIN" '${executable}' "$APP_DIR/${executable}" 100 ||
    ln -sf "$APP_DIR/${executable}" "$APP_BIN"
else
  ln -sf "$APP_DIR/${executable}" "$APP_BIN"
fi

# 2. Chromium's sandbox. Where unprivileged user namespaces work, chrome-sandbox must not be setuid; where they
#    do not (old kernels, or disabled), the setuid helper is the sandbox.
if [ -L /proc/self/ns/user ] && unshare --user true >/dev/null 2>&1; then
  chmod 0755 "$APP_DIR/chrome-sandbox" || true
else
  chmod 4755 "$APP_DIR/chrome-sandbox" || true
fi

# 3. Desktop integration caches.
if hash update-mime-database 2>/dev/null; then
  update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi

# 4. The AppArmor profile (electron-builder writes it to resources/apparmor-profile when it builds the deb). Ubuntu
#    ≥ 23.10 restricts unprivileged user namespaces to profiles that allow them: without it the sandbox aborts.
#    An AppArmor too old for the profile's abi (Ubuntu 22.04) runs the app without it, so it is skipped there.
#    A profile that fails to load fails the install, as in electron-builder's template (the app would not start).
APPARMOR_STATUS=0
if apparmor_status --enabled >/dev/null 2>&1; then
  APPARMOR_SOURCE="$APP_DIR/resources/apparmor-profile"
  APPARMOR_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_SOURCE" >/dev/null 2>&1; then
    cp -f "$APPARMOR_SOURCE" "$APPARMOR_TARGET"
    # Loading into the kernel means nothing in a chroot (image building); -W -T as dh_apparmor does.
    if ! in_chroot && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_TARGET" || APPARMOR_STATUS=$?
    fi
  else
    echo "Skipping the installation of the AppArmor profile: this AppArmor does not support the bundled profile"
  fi
fi

# 5. Kassa: the udev rule that gives the seat user (uaccess) and plugdev/dialout access to HID POS scanners and pole
#    displays (packaging/udev/70-kassa-hid.rules; 70 so that 73-seat-late.rules applies its uaccess tag).
UDEV_RULE_SOURCE="$APP_DIR/resources/udev/70-kassa-hid.rules"
UDEV_RULE_TARGET='/etc/udev/rules.d/70-kassa-hid.rules'
install -D -m 0644 "$UDEV_RULE_SOURCE" "$UDEV_RULE_TARGET"
# Reload only where a udev daemon answers: in a chroot, or a container without udev, `udevadm control` fails and the
# install goes on (the rule applies from the next boot). Only hidraw and tty nodes are re-triggered (a "change"
# event re-applies MODE, GROUP and the uaccess ACL); the Bixolon ftdi lines act on "add": those displays are
# re-plugged.
if hash udevadm 2>/dev/null && ! in_chroot; then
  if udevadm control --reload-rules 2>/dev/null; then
    udevadm trigger --subsystem-match=hidraw --subsystem-match=tty || true
  else
    echo "udev is not running: the Kassa device rule applies from the next boot"
  fi
fi

exit "$APPARMOR_STATUS"
