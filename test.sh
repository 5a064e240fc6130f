#!/usr/bin/env bash
# Runs every test DhrTracker has, on a fresh machine: installs what the tests need from Debian's
# packages when it is missing (Chromium for the browser tests, LibreOffice and poppler to render the
# Word documents), checks both providers' migrations, then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/liberation ] || missing+=(fonts-liberation)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build DhrTracker.sln -c Release -nologo -v q

echo "Checking that both providers' migrations match the model…"
for context in SqliteDhrDbContext SqlServerDhrDbContext; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
    --project DhrTracker.Infrastructure --startup-project DhrTracker.Infrastructure --context "$context"
done

dotnet test DhrTracker.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
