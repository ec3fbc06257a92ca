# 10 h a working day, 6 working days a week: 1d = 6/7 wd, 1w = 6 wd
"$FLOWC" stats --hours-per-day 10 --days-per-week 6 tests/cli/stats/purchase.flow | grep -E '^process|time budget|time in'
