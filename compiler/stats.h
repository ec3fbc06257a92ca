/* stats.h — `flowc stats`: measures of checked processes (nodes by kind,
 * steps per lane, decisions, forks, calls, forms, risks and controls,
 * path lengths, cyclomatic complexity) and their time budget from the
 * `within` limits on a working calendar. Reads the Program; allocates
 * in the Ctx arena; writes a text table or JSON. */
#ifndef FLOWC_STATS_H
#define FLOWC_STATS_H
#include <stdio.h>
#include "ir.h"

/* Limits in `h` and `min` are working time; `d`, `w`, `mo` are calendar
 * time, converted at the calendar's average: a week (7 days) holds
 * days_per_week working days, a month is 30 days. */

/* Where a process's calendar comes from, stats_calendar's answer. */
typedef enum { CAL_DEFAULT, CAL_HANDBOOK, CAL_PROCESS, CAL_GIVEN } CalendarFrom;
extern const char *const calendar_from_name[]; /* "default", "handbook", ... */

/* The calendar of process p: each of given's fields that is not 0 (the
 * command line), else the process's `calendar`, else the first handbook's,
 * else CALENDAR_DEFAULT. *from (may be NULL) says which it is (the
 * command line when it gave either field). */
Calendar stats_calendar(const Program *g, const Process *p, const Calendar *given, CalendarFrom *from);

/* The longest time budget from a start to an end of p (loops counted
 * once): 0 with *total and *path ("s → a → [b → c] → e", a loop in
 * brackets), or -1 when no end is reached. */
int stats_longest(Ctx *c, const Process *p, const Calendar *cal, long long *total, const char **path);

/* "2wd 3h 30min" from a stats_duration total; "0" for nothing. */
const char *stats_duration_text(Ctx *c, const Calendar *cal, long long t);

/* A limit in sevenths of a working minute (every unit is a whole number
 * of those), saturating far below overflow. */
long long stats_duration(const Calendar *cal, Duration d);

/* Writes the statistics of the n processes sel[] (each without errors). */
void stats_write(Ctx *c, Process *const *sel, int n, const Calendar *given, int json, FILE *out);

#endif
