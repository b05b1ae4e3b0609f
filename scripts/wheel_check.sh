#!/usr/bin/env bash
# The installed package, as a user gets it: build the wheel, install it with its pinned dependencies
# into a clean virtual environment using the pip that Python ships (no upgrade), and ingest an HTML
# page, a JSON Lines file and (when ../shared is here) the reference article through the installed
# `rasid` command. Fails on any missing dependency or import error (issue 14).
set -euo pipefail
PY=${1:-python3}
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$PY -m venv "$work/build-venv"
"$work/build-venv/bin/python" -m pip --version
"$work/build-venv/bin/python" -m pip wheel -q --no-deps -w "$work/dist" .
$PY -m venv "$work/venv"
echo "pip in the clean venv: $("$work/venv/bin/python" -m pip --version)"
"$work/venv/bin/python" -m pip install -q -c constraints.txt "$work"/dist/rasid-*.whl
cd "$work"
cat > page.html <<'HTML'
<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر تجريبي</title>
<meta property="article:published_time" content="2024-11-30T12:15:00+03:00"></head><body><article><h1>خبر تجريبي</h1>
<p>قالت وزارة الخارجية التركية في بيان إن الحدود ستبقى مفتوحة أمام المساعدات الإنسانية طوال الشتاء المقبل.</p>
<p>وأضافت الوزارة أن التنسيق مع الأمم المتحدة مستمر لضمان وصول المساعدات إلى جميع المحتاجين في المنطقة.</p>
</article></body></html>
HTML
printf '%s\n' '{"id": "w1", "title": "خبر", "published": "2024-03-01", "text": "أكد وزير الخارجية الأردني أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة في المنطقة."}' > records.jsonl
inputs=(page.html records.jsonl)
seed="$OLDPWD/../shared/data/seed/enab_baladi_2024-11-30.txt"
if [ -f "$seed" ]; then inputs+=("$seed"); fi
./venv/bin/rasid ingest "${inputs[@]}" --db wheel.db | tee ingest.log
./venv/bin/rasid export statements --db wheel.db > statements.jsonl
n=$(wc -l < statements.jsonl)
echo "statements exported from the installed wheel: $n"
if grep -q "rejected" ingest.log && ! grep -q " 0 rejected" ingest.log; then
  echo "wheel check: a document was rejected" >&2; exit 1
fi
[ "$n" -ge 3 ] || { echo "wheel check: too few statements ($n)" >&2; exit 1; }
echo "wheel check passed"
