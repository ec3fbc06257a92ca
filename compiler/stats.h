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

/* A limit in sevenths of a working minute (every unit is a whole number
 * of those), saturating far below overflow. */
long long stats_duration(const Calendar *cal, Duration d);

/* A process's path lengths and time budget, for the manual's 流程统计
 * and check's deadline rule. */
typedef struct StatsBudget {
  int steps, limited;             /* steps; those with a limit */
  int reachable;                  /* an end can be reached (else nothing below is set) */
  long long min_steps, max_steps; /* path lengths in steps, loops counted once */
  long long min_time, max_time;   /* sevenths of a working minute */
  const Node **path; int npath;   /* the critical path (longest in time), start first */
  const char *path_text;          /* it as "s → a → [b → c] → e", a loop in brackets */
  int *loop;                      /* per path node: the loop it is in (its first node's
                                     index in path), or -1 */
  const Node **unlimited; int nunlimited; /* its steps without a limit */
} StatsBudget;
/* Measures p (without errors) into *b, in c's arena. */
void stats_budget(Ctx *c, const Process *p, const Calendar *cal, StatsBudget *b);
/* A time in working days, hours and minutes ("2wd 3h"; "0" for none),
 * unit[] naming them (NULL: {"wd", "h", "min"}, as `flowc stats` writes). */
const char *stats_dur_text(Ctx *c, const Calendar *cal, long long t, const char *const unit[3]);
/* The same in calendar days, at the calendar's average. */
double stats_calendar_days(const Calendar *cal, long long t);
/* A limit as written, then in working time unless it is in wd: "3d (2wd 1h 43min)". */
const char *stats_limit_text(Ctx *c, const Calendar *cal, Duration d);

/* Writes the statistics of the n processes sel[] (each without errors). */
void stats_write(Ctx *c, Process *const *sel, int n, const Calendar *given, int json, FILE *out);

#endif
