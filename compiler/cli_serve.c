/* cli_serve.c — `flowc serve`: the pages of web.c over HTTP
 * (libmicrohttpd, a thread per connection), compiled again when a file
 * changes (inotify, in the main thread). One mutex guards the Site: the
 * connection threads hold it while they make a reply, the main thread
 * while it compiles. /events/live/... streams a page's live part to the
 * page (Server-Sent Events) each time anything changed. */
#include <errno.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "site.h"
#include "web.h"

extern char **environ;

enum {
  KEEPALIVE_S = 15,            /* an SSE comment this often keeps the stream open */
  HEADER_MEMORY = 16 * 1024,   /* per connection: longer headers or URLs are refused */
  MAX_CONNECTIONS = 64,
};

typedef struct Watch { int wd; char *dir; } Watch;

typedef struct Server {
  Site site;
  WebFont font;
  pthread_mutex_t mu;
  pthread_cond_t changed;
  int stopping;
  int ino;
  Watch *w;
  int nw, capw;
} Server;

static const char usage_text[] =
  "usage: flowc serve [--port N] [--host ADDR] [--open] [--root DIR] PATH...\n"
  "Serves the charts and diagnostics of the .flow files under each PATH (a file\n"
  "or a directory) at http://127.0.0.1:8300/, updated when a file changes.\n";

static int usage(void) {
  fputs(usage_text, stderr);
  return 2;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- replies ---- */

static enum MHD_Result send_reply(struct MHD_Connection *conn, struct MHD_Response *resp, int status,
                                  const char *type) {
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(resp, "Content-Security-Policy", web_csp);
  MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  if (status == MHD_HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
  enum MHD_Result r = MHD_queue_response(conn, (unsigned)status, resp);
  MHD_destroy_response(resp);
  return r;
}

static enum MHD_Result send_text(struct MHD_Connection *conn, int status, const char *text) {
  struct MHD_Response *resp =
      MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  return send_reply(conn, resp, status, "text/plain; charset=utf-8");
}

/* ---- /events/live/... ---- */

/* A page's stream: each time the generation changes, the page's live
 * part as one event ("id: GEN", the HTML as data lines), or the part that
 * says the process no longer exists. */
typedef struct Stream {
  Server *sv;
  char *page;            /* the live part's path */
  unsigned sent;
  int started;
  char *buf;             /* the event being sent */
  size_t len, off;
} Stream;

static void stream_free(void *cls) {
  Stream *st = cls;
  free(st->page);
  free(st->buf);
  free(st);
}

/* The next event of st into st->buf, made under the lock. */
static void stream_event(Stream *st, unsigned gen) {
  WebReply r;
  web_respond(&st->sv->site, &st->sv->font, "GET", st->page, &r);
  FILE *o = open_memstream(&st->buf, &st->len);
  if (!o) oom();
  fprintf(o, "retry: 500\nid: %u\n", gen);
  const char *p = r.body, *end = r.body + r.len;
  int html = r.type && !strncmp(r.type, "text/html", 9); /* the page, or that it is gone */
  while (html && p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    fputs("data: ", o);
    fwrite(p, 1, n, o);
    fputc('\n', o);
    p += n + 1;
  }
  fputs("\n", o);
  fclose(o);
  web_reply_free(&r);
  st->off = 0;
}

/* Blocks until the generation changes (or a keep-alive is due), then
 * sends the page's live part. */
static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max) {
  Stream *st = cls;
  Server *sv = st->sv;
  (void)pos;
  if (st->buf && st->off < st->len) {
    size_t n = st->len - st->off < max ? st->len - st->off : max;
    memcpy(buf, st->buf + st->off, n);
    st->off += n;
    return (ssize_t)n;
  }
  pthread_mutex_lock(&sv->mu);
  int timed_out = 0;
  if (st->started) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += KEEPALIVE_S;
    while (!sv->stopping && sv->site.gen == st->sent && !timed_out)
      timed_out = pthread_cond_timedwait(&sv->changed, &sv->mu, &until) == ETIMEDOUT;
  }
  int stop = sv->stopping, send = !timed_out;
  unsigned gen = sv->site.gen;
  free(st->buf);
  st->buf = NULL;
  if (!stop && send) stream_event(st, gen);
  pthread_mutex_unlock(&sv->mu);
  if (stop) return MHD_CONTENT_READER_END_OF_STREAM;
  st->started = 1;
  st->sent = gen;
  if (!send) return snprintf(buf, max, ": keep-alive\n\n");
  return stream_read(cls, pos, buf, max);
}

static enum MHD_Result send_stream(struct MHD_Connection *conn, Server *sv, const char *page) {
  Stream *st = xmalloc(sizeof *st);
  memset(st, 0, sizeof *st);
  st->sv = sv;
  st->page = strdup(page);
  if (!st->page) oom();
  struct MHD_Response *resp =
      MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, stream_read, st, stream_free);
  if (!resp) {
    stream_free(st);
    return MHD_NO;
  }
  return send_reply(conn, resp, MHD_HTTP_OK, "text/event-stream; charset=utf-8");
}

/* ---- requests ---- */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **state) {
  Server *sv = cls;
  (void)version, (void)upload, (void)upload_size, (void)state;
  /* answered at once, from the headers: a body is never read */
  const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING) ||
      (len && strcmp(len, "0")))
    return send_text(conn, MHD_HTTP_CONTENT_TOO_LARGE, "a request may not have a body\n");
  int get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
  WebReply r;
  const char *live = !strncmp(url, "/events/live/", 13) ? url + 7 : NULL;
  pthread_mutex_lock(&sv->mu);
  web_respond(&sv->site, &sv->font, method, live ? live : url, &r);
  pthread_mutex_unlock(&sv->mu);
  if (get && live && r.status == 200) {
    web_reply_free(&r);
    return send_stream(conn, sv, live);
  }
  struct MHD_Response *resp = MHD_create_response_from_buffer(
      r.len, r.body, r.is_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE);
  if (!resp) {
    web_reply_free(&r);
    return MHD_NO;
  }
  if (r.disposition) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r.disposition);
  return send_reply(conn, resp, r.status, r.type);
}

static size_t unescape(void *cls, struct MHD_Connection *conn, char *s) {
  (void)cls, (void)conn;
  return web_unescape(s);
}

/* ---- the listening socket ---- */

/* Binds host:port; on failure says why and returns -1. */
static int listen_on(const char *host, int port) {
  char service[16];
  snprintf(service, sizeof service, "%d", port);
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                           .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
  struct addrinfo *res;
  int e = getaddrinfo(host, service, &hints, &res);
  if (e) {
    fprintf(stderr, "flowc serve: cannot listen on '%s': %s\n", host, gai_strerror(e));
    return -1;
  }
  int fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (fd < 0 || bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, 64) != 0) {
    e = errno;
    if (e == EADDRINUSE)
      fprintf(stderr, "flowc serve: port %d on %s is in use: stop what uses it, or choose "
                      "another port with --port N\n", port, host);
    else fprintf(stderr, "flowc serve: cannot listen on %s port %d: %s\n", host, port, strerror(e));
    if (fd >= 0) close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}

/* The URL the socket is reached at. */
static void url_of(int fd, char *url, size_t n) {
  struct sockaddr_storage sa;
  socklen_t len = sizeof sa;
  char host[NI_MAXHOST] = "?", port[NI_MAXSERV] = "?";
  if (getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
    getnameinfo((struct sockaddr *)&sa, len, host, sizeof host, port, sizeof port,
                NI_NUMERICHOST | NI_NUMERICSERV);
  snprintf(url, n, sa.ss_family == AF_INET6 ? "http://[%s]:%s/" : "http://%s:%s/", host, port);
}

/* ---- watching the files ---- */

static void watch_dir(void *ud, const char *dir) {
  Server *sv = ud;
  int wd = inotify_add_watch(sv->ino, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                               IN_DELETE | IN_ONLYDIR);
  if (wd < 0) return;
  for (int i = 0; i < sv->nw; i++)
    if (sv->w[i].wd == wd) return;
  if (sv->nw == sv->capw) {
    sv->capw = sv->capw ? 2 * sv->capw : 16;
    sv->w = xrealloc(sv->w, sizeof *sv->w * (size_t)sv->capw);
  }
  size_t n = strlen(dir) + 1;
  sv->w[sv->nw++] = (Watch){wd, memcpy(xmalloc(n), dir, n)};
}

static const char *watch_path(const Server *sv, int wd) {
  for (int i = 0; i < sv->nw; i++)
    if (sv->w[i].wd == wd) return sv->w[i].dir;
  return NULL;
}

typedef struct Changes { char **v; int n, cap, all; } Changes;

/* Reads the pending events into ch (canonical paths). */
static void read_events(Server *sv, Changes *ch) {
  char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
  ssize_t n;
  while ((n = read(sv->ino, buf, sizeof buf)) > 0)
    for (char *p = buf; p < buf + n;) {
      const struct inotify_event *ev = (const struct inotify_event *)(void *)p;
      p += sizeof *ev + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) ch->all = 1;
      const char *dir = watch_path(sv, ev->wd);
      if (!dir || !ev->len) continue;
      if (ch->n == ch->cap) {
        ch->cap = ch->cap ? 2 * ch->cap : 16;
        ch->v = xrealloc(ch->v, sizeof *ch->v * (size_t)ch->cap);
      }
      size_t k = strlen(dir) + strlen(ev->name) + 2;
      ch->v[ch->n] = xmalloc(k);
      snprintf(ch->v[ch->n++], k, "%s/%s", dir, ev->name);
    }
}

/* Compiles what changed and tells the pages. */
static void update(Server *sv) {
  Changes ch = {0};
  read_events(sv, &ch);
  /* an editor's save is often several events: take them together */
  struct pollfd pf = {sv->ino, POLLIN, 0};
  while (poll(&pf, 1, 5) > 0) read_events(sv, &ch);
  double t0 = now_ms();
  pthread_mutex_lock(&sv->mu);
  int changed = site_update(&sv->site, ch.all ? NULL : ch.v, ch.n);
  unsigned gen = sv->site.gen;
  if (changed) {
    pthread_cond_broadcast(&sv->changed);
    site_dirs(&sv->site, watch_dir, sv); /* new directories */
  }
  pthread_mutex_unlock(&sv->mu);
  if (changed) fprintf(stderr, "flowc serve: compiled again in %.1f ms (generation %u)\n", now_ms() - t0, gen);
  for (int i = 0; i < ch.n; i++) free(ch.v[i]);
  free(ch.v);
}

/* ---- the command ---- */

typedef struct Opts { const char *host, *root; int port, open; char **paths; int npaths; } Opts;

static int parse_opts(int argc, char **argv, Opts *o) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--open")) o->open = 1;
    else if (!strcmp(a, "--host") && i + 1 < argc) o->host = argv[++i];
    else if (!strcmp(a, "--root") && i + 1 < argc) o->root = argv[++i];
    else if (!strcmp(a, "--port") && i + 1 < argc) {
      char *end;
      long p = strtol(argv[++i], &end, 10);
      if (*end || end == argv[i] || p < 0 || p > 65535) {
        fprintf(stderr, "flowc serve: --port wants a number from 0 to 65535\n");
        return -1;
      }
      o->port = (int)p;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "flowc serve: unknown option '%s'\n", a);
      return -1;
    } else o->paths[o->npaths++] = argv[i];
  }
  return o->npaths ? 0 : -1;
}

static void open_browser(const char *url) {
  signal(SIGCHLD, SIG_IGN); /* no zombie */
  char *args[] = {"xdg-open", (char *)url, NULL};
  pid_t pid;
  if (posix_spawnp(&pid, "xdg-open", NULL, NULL, args, environ) != 0)
    fprintf(stderr, "flowc serve: cannot start a browser (xdg-open): open %s yourself\n", url);
}

/* The chart font's file, for the pages' text. */
static void load_font(Server *sv) {
  const char *path = font_file(sv->site.f);
  FILE *fp = path ? fopen(path, "rb") : NULL;
  if (!fp) return;
  char *data = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&data, &len);
  if (!m) oom();
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, fp)) > 0) fwrite(buf, 1, n, m);
  fclose(fp);
  fclose(m);
  sv->font = (WebFont){(unsigned char *)data, len, len > 4 && !memcmp(data, "ttcf", 4) ? "font/collection" : "font/ttf"};
}

/* Waits for a signal to stop, compiling again on every change. */
static void run(Server *sv, int sigfd) {
  struct pollfd pf[2] = {{sigfd, POLLIN, 0}, {sv->ino, POLLIN, 0}};
  for (;;) {
    if (poll(pf, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (pf[0].revents) break;
    if (pf[1].revents) update(sv);
  }
}

int cmd_serve(int argc, char **argv) {
  if (cli_help(argc, argv, usage_text)) return 0;
  Opts o = {"127.0.0.1", NULL, 8300, 0, NULL, 0};
  o.paths = xmalloc(sizeof *o.paths * (size_t)(argc + 1));
  if (parse_opts(argc, argv, &o) != 0) {
    free(o.paths);
    return usage();
  }
  struct stat st;
  for (int i = 0; i < o.npaths; i++)
    if (stat(o.paths[i], &st) != 0) {
      fprintf(stderr, "flowc serve: cannot read '%s': %s\n", o.paths[i], strerror(errno));
      free(o.paths);
      return 2;
    }
  if (o.root && (stat(o.root, &st) != 0 || !S_ISDIR(st.st_mode))) {
    fprintf(stderr, "flowc: error: --root '%s' is not a directory\n", o.root);
    free(o.paths);
    return 2;
  }
  /* the signals are read from sigfd; every thread inherits the mask */
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGHUP);
  sigaddset(&mask, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &mask, NULL);
  int sigfd = signalfd(-1, &mask, SFD_CLOEXEC);
  int fd = listen_on(o.host, o.port);
  Server sv = {0};
  const char *err = NULL;
  int status = 0;
  if (fd < 0 || sigfd < 0) status = 2;
  else if (site_open(&sv.site, o.paths, o.npaths, o.root, NULL, &err) != 0) {
    fprintf(stderr, "flowc serve: %s\n", err);
    status = 2;
  }
  if (status) {
    if (fd >= 0) close(fd);
    if (sigfd >= 0) close(sigfd);
    site_close(&sv.site);
    free(o.paths);
    return status;
  }
  load_font(&sv);
  pthread_mutex_init(&sv.mu, NULL);
  pthread_cond_init(&sv.changed, NULL);
  sv.ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  site_dirs(&sv.site, watch_dir, &sv);
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL, on_request, &sv,
      MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
      MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS, MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)(4 * KEEPALIVE_S), MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "flowc serve: cannot start the HTTP server\n");
    close(fd);
    status = 2;
  } else {
    char url[128];
    url_of(fd, url, sizeof url);
    int nprocs = 0;
    for (int i = 0; i < sv.site.nunits; i++)
      nprocs += sv.site.units[i].good ? sv.site.units[i].good->ncharts : 0;
    printf("flowc serve: %s (%d files, %d charts; Ctrl-C stops)\n", url, sv.site.nunits, nprocs);
    fflush(stdout);
    if (o.open) open_browser(url);
    run(&sv, sigfd);
    pthread_mutex_lock(&sv.mu);
    sv.stopping = 1;
    pthread_cond_broadcast(&sv.changed);
    pthread_mutex_unlock(&sv.mu);
    MHD_stop_daemon(d);
    fprintf(stderr, "flowc serve: stopped\n");
  }
  close(sigfd);
  if (sv.ino >= 0) close(sv.ino);
  for (int i = 0; i < sv.nw; i++) free(sv.w[i].dir);
  free(sv.w);
  free((void *)sv.font.data);
  pthread_cond_destroy(&sv.changed);
  pthread_mutex_destroy(&sv.mu);
  site_close(&sv.site);
  free(o.paths);
  return status;
}
