/* manual_changes.c — the page 本版变更 of a manual built with
 * --changes-since: each process that differs from the previous release,
 * then its changes a row each, as `flowc diff` writes them (diff.c). */
#include "manual_int.h"

/* "CODE 标题（修改）" */
static const char *proc_head(Manual *m, const Process *old, const Process *new) {
  return arena_printf(&m->c->arena, "%s（%s）", m_proc_name(m, new ? new : old),
                      !old ? "新增" : !new ? "删除" : "修改");
}

/* The sentence above the table: how many processes changed, and how. */
static const char *summary(Manual *m, const Diff *d) {
  int add = 0, del = 0, np = diff_count(d);
  for (int i = 0; i < np; i++) {
    const Process *old, *new;
    diff_process_at(d, i, &old, &new);
    add += !old, del += !new;
  }
  if (!np) return arena_printf(&m->c->arena, "与上一版（%s）相比，没有流程变更。", m->changes->since);
  return arena_printf(&m->c->arena, "与上一版（%s）相比，%d 个流程有变更：新增 %d 个，删除 %d 个，修改 %d 个。"
                      "下表列出每个流程的变更（+ 新增，- 删除，~ 修改）。",
                      m->changes->since, np, add, del, np - add - del);
}

void m_changes(Manual *m) {
  const Diff *d = m->changes->diff;
  int np = diff_count(d), rows = 0, total = 0;
  const char ***lines = arena_alloc(&m->c->arena, (size_t)(np + 1) * sizeof *lines);
  int *nlines = arena_alloc(&m->c->arena, (size_t)(np + 1) * sizeof *nlines);
  for (int i = 0; i < np; i++) total += 2 + (lines[i] = diff_lines(m->c, d, i, &nlines[i]), nlines[i]);
  const char **cells = arena_alloc(&m->c->arena, (size_t)(total + 1) * 2 * sizeof *cells);
  unsigned char *kind = arena_alloc(&m->c->arena, (size_t)(total + 1));
  for (int i = 0; i < np; i++) {
    const Process *old, *new;
    diff_process_at(d, i, &old, &new);
    cells[2 * rows] = proc_head(m, old, new), cells[2 * rows + 1] = "", kind[rows++] = 1;
    if (!old || !new) {
      cells[2 * rows] = "1";
      cells[2 * rows + 1] = !old ? arena_printf(&m->c->arena, "+ 新增流程 %s，%d 个节点", new->id, new->nnodes)
                                 : arena_printf(&m->c->arena, "- 删除流程 %s", old->id);
      kind[rows++] = 0;
    }
    for (int k = 0; k < nlines[i]; k++) {
      cells[2 * rows] = arena_printf(&m->c->arena, "%d", k + 1);
      cells[2 * rows + 1] = lines[i][k], kind[rows++] = 0;
    }
  }
  m_new_page(m, 0);
  m_heading(m, 0, "本版变更", 0);
  m_para(m, summary(m, d), SZ_BODY);
  m_space(m, 6);
  static const char *const head[2] = {"序号", "变更"};
  static const double w[2] = {0.08, 0.92};
  if (rows) m_table(m, 2, w, head, cells, rows, kind, NULL);
}
