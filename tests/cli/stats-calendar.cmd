# 10 h a working day, 6 working days a week: 1d = 6/7 wd, 1w = 6 wd
"$FLOWC" stats --hours-per-day 10 --days-per-week 6 tests/cli/stats/purchase.flow | grep -E '^process|calendar|time budget|time in'
# declared by the handbook (10h 6d: 1w = 6wd), by the process (12h 7d: 1w = 7wd)
"$FLOWC" stats tests/cli/stats-cal/calendars.flow | grep -E '^process|calendar|time budget'
# the command line wins over both, field by field
"$FLOWC" stats --days-per-week 5 tests/cli/stats-cal/calendars.flow | grep -E '^process|calendar|time budget'
"$FLOWC" stats -f json -p 加班 tests/cli/stats-cal/calendars.flow | grep -E '"calendar"'
