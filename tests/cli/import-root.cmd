# --root widens the directory imports may use; links and absolute paths stay refused.
cd tests/check
"$FLOWC" check --root .. import-outside.flow 2>&1 | grep -c 'leads outside'
"$FLOWC" check import-outside.flow 2>&1 | grep -c 'leads outside'
