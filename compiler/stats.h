/* stats.h — `flowc stats`: measures of checked processes (nodes by kind,
 * steps per lane, decisions, forks, calls, forms, risks and controls,
 * path lengths, cyclomatic complexity) and their time budget from the
 * `within` limits on a working calendar. Reads the Program; allocates
 * in the Ctx arena; writes a text table or JSON. */
#ifndef FLOWC_STATS_H
#define FLOWC_STATS_H
#include <stdio.h>
#include "ir.h"

/* Hours in a working day and working days in a week. Limits in `h` and
 * `min` are working time; `d`, `w`, `mo` are calendar time, converted at
 * the calendar's average: a week (7 days) holds days_per_week working
 * days, a month is 30 days. */
typedef struct Calendar { int hours_per_day, days_per_week; } Calendar;
#define CALENDAR_DEFAULT ((Calendar){8, 5})

/* A limit in sevenths of a working minute (every unit is a whole number
 * of those), saturating far below overflow. */
long long stats_duration(const Calendar *cal, Duration d);

/* A process's path lengths and time budget, for the manual's 流程统计. */
typedef struct StatsBudget {
  int steps, limited;             /* steps; those with a limit */
  int reachable;                  /* an end can be reached (else nothing below is set) */
  long long min_steps, max_steps; /* path lengths in steps, loops counted once */
  long long min_time, max_time;   /* sevenths of a working minute */
  const Node **path; int npath;   /* the critical path (longest in time), start first */
  int *loop;                      /* per path node: the loop it is in (its first node's
                                     index in path), or -1 */
  const Node **unlimited; int nunlimited; /* its steps without a limit */
} StatsBudget;
/* Measures p (without errors) into *b, in c's arena. */
void stats_budget(Ctx *c, const Process *p, const Calendar *cal, StatsBudget *b);
/* A time in working days, hours and minutes ("2wd 3h"; "0" for none),
 * unit[] naming them ({"wd", "h", "min"} in `flowc stats`). */
const char *stats_dur_text(Ctx *c, const Calendar *cal, long long t, const char *const unit[3]);
/* The same in calendar days, at the calendar's average. */
double stats_calendar_days(const Calendar *cal, long long t);

/* Writes the statistics of the n processes sel[] (each without errors). */
void stats_write(Ctx *c, Process *const *sel, int n, const Calendar *cal, int json, FILE *out);

#endif
