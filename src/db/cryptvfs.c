/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cryptvfs.c -- "wean-crypt", a VFS shim that seals every page of an
 * encrypted diary and of its WAL (see db/cryptvfs.h, core/pagecrypt.h).
 *
 * Main file: logical offset o is at o + WN_PC_HEADER on disk; SQLite reads
 * and writes it in whole pages of WN_PC_PAGE, except the first read of its
 * header (100 bytes at 0), which is served from the opened page.
 * WAL: a 32-byte header, then frames of a 24-byte header and a page.  The
 * frame header stays plain (SQLite's checksums are over the plain page);
 * the page is sealed bound to the frame's page number and salts.  A frame
 * that does not open while SQLite recovers the WAL (it reads whole frames
 * then) is handed over zeroed, so SQLite's checksum ends the log there, as
 * it does for a frame torn by a crash; a page read after that must open. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/cryptvfs.h"

#define MAX_KEYS 4
#define WAL_HDR 32
#define FRAME_HDR 24
#define FRAME (FRAME_HDR + WN_PC_PAGE)

struct entry {
	char path[PATH_MAX];
	struct wn_pc_key k;
	bool used;
};

static struct entry keys[MAX_KEYS];
static sqlite3_vfs crypt_vfs;
static sqlite3_vfs *base;

enum kind { K_MAIN, K_WAL, K_JOURNAL };

struct cfile {
	sqlite3_file f;            /* our methods */
	const struct wn_pc_key *k;
	enum kind kind;
	unsigned char page[WN_PC_PAGE];
	sqlite3_file real[];       /* the default VFS's file, szOsFile bytes */
};

static const struct wn_pc_key *find_key(const char *name, size_t len)
{
	for (int i = 0; i < MAX_KEYS; i++)
		if (keys[i].used && strlen(keys[i].path) == len && memcmp(keys[i].path, name, len) == 0)
			return &keys[i].k;
	return NULL;
}

/* ---- the main file ----------------------------------------------------------- */

static int main_read(struct cfile *c, unsigned char *out, int amt, sqlite3_int64 off)
{
	sqlite3_int64 end = off + amt;
	int short_read = 0;
	while (off < end) {
		sqlite3_int64 pg = off / WN_PC_PAGE, at = off % WN_PC_PAGE;
		int take = (int)(WN_PC_PAGE - at < end - off ? WN_PC_PAGE - at : end - off);
		/* a whole page (SQLite's every read but the first look at the
		 * header) is opened where SQLite wants it: no copy */
		unsigned char *buf = take == WN_PC_PAGE ? out : c->page;
		int rc = c->real->pMethods->xRead(c->real, buf, WN_PC_PAGE,
		                                  WN_PC_HEADER + pg * WN_PC_PAGE);
		if (rc == SQLITE_IOERR_SHORT_READ) {
			/* past the end: zeros, as SQLite expects (a page cut short
			 * by a crash is past the end too: the WAL has it) */
			memset(out, 0, (size_t)(end - off));
			short_read = 1;
			break;
		}
		if (rc != SQLITE_OK)
			return rc;
		if (wn_pc_open(c->k, WN_PC_DB, (uint32_t)(pg + 1), NULL, buf) != 0)
			return SQLITE_IOERR_DATA;
		if (buf != out)
			memcpy(out, c->page + at, (size_t)take);
		out += take;
		off += take;
	}
	return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

static int main_write(struct cfile *c, const unsigned char *in, int amt, sqlite3_int64 off)
{
	if (amt != WN_PC_PAGE || off % WN_PC_PAGE != 0)
		return SQLITE_IOERR_WRITE;    /* never done to a diary with this page size */
	memcpy(c->page, in, WN_PC_PAGE);
	memset(c->page + WN_PC_PAGE - WN_PC_RESERVE, 0, WN_PC_RESERVE);
	wn_pc_seal(c->k, WN_PC_DB, (uint32_t)(off / WN_PC_PAGE + 1), NULL, c->page);
	return c->real->pMethods->xWrite(c->real, c->page, WN_PC_PAGE, WN_PC_HEADER + off);
}

/* ---- the WAL ------------------------------------------------------------------- */

/* A frame's page number (bytes 0-3, big-endian) and salts (8-15). */
static uint32_t frame_pgno(const unsigned char *h)
{
	return (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
}

static int frame_header(struct cfile *c, sqlite3_int64 page_off, unsigned char h[FRAME_HDR])
{
	return c->real->pMethods->xRead(c->real, h, FRAME_HDR, page_off - FRAME_HDR);
}

/* Where the page of the frame holding offset o starts, or -1 (the WAL
 * header, a frame header). */
static sqlite3_int64 page_start(sqlite3_int64 o)
{
	if (o < WAL_HDR)
		return -1;
	sqlite3_int64 in = (o - WAL_HDR) % FRAME, frame = o - in;
	return in < FRAME_HDR ? -1 : frame + FRAME_HDR;
}

static int wal_read(struct cfile *c, unsigned char *out, int amt, sqlite3_int64 off)
{
	int rc = c->real->pMethods->xRead(c->real, out, amt, off);
	if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
		return rc;
	bool recovery = amt > WN_PC_PAGE;      /* whole frames: SQLite checks them */
	sqlite3_int64 end = off + amt;
	/* each page that overlaps [off, end) */
	sqlite3_int64 first = off < WAL_HDR ? WAL_HDR : off;
	sqlite3_int64 fstart = WAL_HDR + ((first - WAL_HDR) / FRAME) * FRAME;
	for (sqlite3_int64 f = fstart; f < end; f += FRAME) {
		sqlite3_int64 p = f + FRAME_HDR, pend = p + WN_PC_PAGE;
		if (pend <= off || p >= end)
			continue;
		unsigned char h[FRAME_HDR];
		int r;
		if (f >= off && f + FRAME_HDR <= end)
			memcpy(h, out + (f - off), FRAME_HDR);
		else if ((r = frame_header(c, p, h)) != SQLITE_OK)
			return r == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_SHORT_READ : r;
		/* a whole page in what SQLite asked for is opened where it is */
		bool whole = p >= off && pend <= end;
		unsigned char *buf = whole ? out + (p - off) : c->page;
		if (!whole && (r = c->real->pMethods->xRead(c->real, c->page, WN_PC_PAGE, p)) != SQLITE_OK) {
			if (r != SQLITE_IOERR_SHORT_READ)
				return r;
			memset(c->page, 0, WN_PC_PAGE);
			recovery = true;     /* a frame cut short: not a valid frame */
		}
		/* a page that does not open is zeroed (wn_pc_open) */
		bool ok = wn_pc_open(c->k, WN_PC_WAL, frame_pgno(h), h + 8, buf) == 0;
		if (!ok && !recovery)
			return SQLITE_IOERR_DATA;
		if (whole)
			continue;
		sqlite3_int64 a = p > off ? p : off, b = pend < end ? pend : end;
		memcpy(out + (a - off), c->page + (a - p), (size_t)(b - a));
	}
	return rc;
}

static int wal_write(struct cfile *c, const unsigned char *in, int amt, sqlite3_int64 off)
{
	if (page_start(off) != off)
		return c->real->pMethods->xWrite(c->real, in, amt, off);
	if (amt != WN_PC_PAGE)
		return SQLITE_IOERR_WRITE;
	unsigned char h[FRAME_HDR];
	int rc = frame_header(c, off, h);
	if (rc != SQLITE_OK)
		return SQLITE_IOERR_WRITE;
	memcpy(c->page, in, WN_PC_PAGE);
	memset(c->page + WN_PC_PAGE - WN_PC_RESERVE, 0, WN_PC_RESERVE);
	wn_pc_seal(c->k, WN_PC_WAL, frame_pgno(h), h + 8, c->page);
	return c->real->pMethods->xWrite(c->real, c->page, WN_PC_PAGE, off);
}

/* ---- the rollback journal ----------------------------------------------------------
 * SQLite writes a journal's header in whole sectors at sector-aligned
 * offsets, and each record as three writes: the page number (4 bytes), the
 * page, a checksum (4 bytes).  A page therefore starts 4 bytes after a
 * record's start, never on a 512-byte boundary: that is how it is told
 * from a header.  It is bound to the page number written before it. */

static bool journal_page(int amt, sqlite3_int64 off)
{
	return amt == WN_PC_PAGE && off % 512 != 0 && off >= 4;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int journal_read(struct cfile *c, unsigned char *out, int amt, sqlite3_int64 off)
{
	unsigned char pg[4];
	int rc = c->real->pMethods->xRead(c->real, out, amt, off);
	if (rc != SQLITE_OK || !journal_page(amt, off))
		return rc;
	if ((rc = c->real->pMethods->xRead(c->real, pg, 4, off - 4)) != SQLITE_OK)
		return rc;
	/* a record torn by a crash fails here: SQLite stops the playback at
	 * a record whose checksum is wrong, so it is handed over zeroed */
	if (wn_pc_open(c->k, WN_PC_JOURNAL, be32(pg), NULL, out) != 0)
		memset(out, 0, (size_t)amt);
	return SQLITE_OK;
}

static int journal_write(struct cfile *c, const unsigned char *in, int amt, sqlite3_int64 off)
{
	unsigned char pg[4];
	if (!journal_page(amt, off))
		return c->real->pMethods->xWrite(c->real, in, amt, off);
	if (c->real->pMethods->xRead(c->real, pg, 4, off - 4) != SQLITE_OK)
		return SQLITE_IOERR_WRITE;
	memcpy(c->page, in, WN_PC_PAGE);
	memset(c->page + WN_PC_PAGE - WN_PC_RESERVE, 0, WN_PC_RESERVE);
	wn_pc_seal(c->k, WN_PC_JOURNAL, be32(pg), NULL, c->page);
	return c->real->pMethods->xWrite(c->real, c->page, WN_PC_PAGE, off);
}

/* ---- the methods ------------------------------------------------------------------ */

#define REAL(f) (((struct cfile *)(f))->real)

static int x_close(sqlite3_file *f)
{
	struct cfile *c = (struct cfile *)f;
	int rc = c->real->pMethods ? c->real->pMethods->xClose(c->real) : SQLITE_OK;
	memset(c->page, 0, sizeof c->page);
	return rc;
}

static int x_read(sqlite3_file *f, void *out, int amt, sqlite3_int64 off)
{
	struct cfile *c = (struct cfile *)f;
	return c->kind == K_MAIN ? main_read(c, out, amt, off) :
	       c->kind == K_WAL ? wal_read(c, out, amt, off) : journal_read(c, out, amt, off);
}

static int x_write(sqlite3_file *f, const void *in, int amt, sqlite3_int64 off)
{
	struct cfile *c = (struct cfile *)f;
	return c->kind == K_MAIN ? main_write(c, in, amt, off) :
	       c->kind == K_WAL ? wal_write(c, in, amt, off) : journal_write(c, in, amt, off);
}

static int x_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	struct cfile *c = (struct cfile *)f;
	return c->real->pMethods->xTruncate(c->real, size + (c->kind == K_MAIN ? WN_PC_HEADER : 0));
}

static int x_sync(sqlite3_file *f, int flags) { return REAL(f)->pMethods->xSync(REAL(f), flags); }

static int x_size(sqlite3_file *f, sqlite3_int64 *size)
{
	struct cfile *c = (struct cfile *)f;
	int rc = c->real->pMethods->xFileSize(c->real, size);
	if (rc == SQLITE_OK && c->kind == K_MAIN)
		*size = *size > WN_PC_HEADER ? *size - WN_PC_HEADER : 0;
	return rc;
}

static int x_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int x_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int x_reserved(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }

static int x_fcntl(sqlite3_file *f, int op, void *arg)
{
	/* memory maps would hand SQLite the sealed bytes */
	if (op == SQLITE_FCNTL_MMAP_SIZE) {
		*(sqlite3_int64 *)arg = 0;
		return SQLITE_OK;
	}
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int x_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int x_caps(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }

static int x_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, p);
}
static int x_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void x_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int x_shm_unmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }

static int x_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **pp)
{
	(void)f; (void)off; (void)amt;
	*pp = NULL;          /* no memory-mapped pages: they are sealed */
	return SQLITE_OK;
}
static int x_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p) { (void)f; (void)off; (void)p; return SQLITE_OK; }

static const sqlite3_io_methods methods = {
	.iVersion = 3,
	.xClose = x_close, .xRead = x_read, .xWrite = x_write, .xTruncate = x_truncate,
	.xSync = x_sync, .xFileSize = x_size, .xLock = x_lock, .xUnlock = x_unlock,
	.xCheckReservedLock = x_reserved, .xFileControl = x_fcntl, .xSectorSize = x_sector,
	.xDeviceCharacteristics = x_caps, .xShmMap = x_shm_map, .xShmLock = x_shm_lock,
	.xShmBarrier = x_shm_barrier, .xShmUnmap = x_shm_unmap, .xFetch = x_fetch,
	.xUnfetch = x_unfetch,
};

static int x_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct cfile *c = (struct cfile *)f;
	size_t len = name ? strlen(name) : 0;
	(void)v;
	memset(c, 0, sizeof *c);
	if (flags & SQLITE_OPEN_MAIN_DB) {
		c->kind = K_MAIN;
		c->k = name ? find_key(name, len) : NULL;
	} else if (flags & SQLITE_OPEN_WAL) {
		c->kind = K_WAL;
		c->k = len > 4 ? find_key(name, len - 4) : NULL;
	} else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
		c->kind = K_JOURNAL;
		c->k = len > 8 ? find_key(name, len - 8) : NULL;
	}
	/* temporary files and statement journals would be plain: refused
	 * (an encrypted diary keeps them in memory: temp_store = MEMORY) */
	if (!c->k)
		return SQLITE_CANTOPEN;
	int rc = base->xOpen(base, name, c->real, flags, out);
	if (rc == SQLITE_OK)
		c->f.pMethods = &methods;
	return rc;
}

static int x_delete(sqlite3_vfs *v, const char *n, int sync) { (void)v; return base->xDelete(base, n, sync); }
static int x_access(sqlite3_vfs *v, const char *n, int fl, int *r) { (void)v; return base->xAccess(base, n, fl, r); }
static int x_full(sqlite3_vfs *v, const char *n, int sz, char *o) { (void)v; return base->xFullPathname(base, n, sz, o); }
static void *x_dlopen(sqlite3_vfs *v, const char *n) { (void)v; return base->xDlOpen(base, n); }
static void x_dlerror(sqlite3_vfs *v, int n, char *m) { (void)v; base->xDlError(base, n, m); }
static void (*x_dlsym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return base->xDlSym(base, h, s); }
static void x_dlclose(sqlite3_vfs *v, void *h) { (void)v; base->xDlClose(base, h); }
static int x_random(sqlite3_vfs *v, int n, char *o) { (void)v; return base->xRandomness(base, n, o); }
static int x_sleep(sqlite3_vfs *v, int us) { (void)v; return base->xSleep(base, us); }
static int x_time(sqlite3_vfs *v, double *t) { (void)v; return base->xCurrentTime(base, t); }
static int x_lasterr(sqlite3_vfs *v, int n, char *m) { (void)v; return base->xGetLastError(base, n, m); }
static int x_time64(sqlite3_vfs *v, sqlite3_int64 *t) { (void)v; return base->xCurrentTimeInt64(base, t); }

int wn_cryptvfs_register(struct wn_err *err)
{
	if (base)
		return WN_OK;
	sqlite3_vfs *b = sqlite3_vfs_find(NULL);
	if (!b || b->iVersion < 2)
		return wn_err_set(err, WN_ERR, "SQLite has no default file system to build on");
	crypt_vfs = (sqlite3_vfs){
		.iVersion = 2, .szOsFile = (int)sizeof(struct cfile) + b->szOsFile,
		.mxPathname = b->mxPathname, .zName = WN_CRYPTVFS_NAME,
		.xOpen = x_open, .xDelete = x_delete, .xAccess = x_access,
		.xFullPathname = x_full, .xDlOpen = x_dlopen, .xDlError = x_dlerror,
		.xDlSym = x_dlsym, .xDlClose = x_dlclose, .xRandomness = x_random,
		.xSleep = x_sleep, .xCurrentTime = x_time, .xGetLastError = x_lasterr,
		.xCurrentTimeInt64 = x_time64,
	};
	base = b;
	int rc = sqlite3_vfs_register(&crypt_vfs, 0);
	if (rc != SQLITE_OK) {
		base = NULL;
		return wn_err_set(err, WN_ERR, "cannot register the encrypted file system: %s",
		                  sqlite3_errstr(rc));
	}
	return WN_OK;
}

int wn_cryptvfs_add(const char *path, const struct wn_pc_key *k, struct wn_err *err)
{
	char full[PATH_MAX];
	int rc = wn_cryptvfs_register(err);
	if (rc != WN_OK)
		return rc;
	if (base->xFullPathname(base, path, (int)sizeof full, full) != SQLITE_OK)
		return wn_err_set(err, WN_CANTCREAT, "cannot resolve %s", path);
	int slot = -1;
	for (int i = 0; i < MAX_KEYS; i++)
		if (keys[i].used && strcmp(keys[i].path, full) == 0)
			slot = i;
	for (int i = 0; i < MAX_KEYS && slot < 0; i++)
		if (!keys[i].used)
			slot = i;
	if (slot < 0)
		return wn_err_set(err, WN_ERR, "too many encrypted files open at once");
	snprintf(keys[slot].path, sizeof keys[slot].path, "%s", full);
	keys[slot].k = *k;
	keys[slot].used = true;
	return WN_OK;
}

int wn_cryptvfs_key(const char *path, struct wn_pc_key *k)
{
	char full[PATH_MAX];
	const struct wn_pc_key *found;
	if (!base || base->xFullPathname(base, path, (int)sizeof full, full) != SQLITE_OK ||
	    !(found = find_key(full, strlen(full))))
		return WN_NOINPUT;
	*k = *found;
	return WN_OK;
}

void wn_cryptvfs_forget(const char *path)
{
	char full[PATH_MAX];
	if (!base || base->xFullPathname(base, path, (int)sizeof full, full) != SQLITE_OK)
		return;
	for (int i = 0; i < MAX_KEYS; i++)
		if (keys[i].used && strcmp(keys[i].path, full) == 0) {
			volatile unsigned char *p = (volatile unsigned char *)&keys[i];
			for (size_t j = 0; j < sizeof keys[i]; j++)
				p[j] = 0;
		}
}

const char *wn_cryptvfs_for(const char *path)
{
	char full[PATH_MAX];
	if (!base || base->xFullPathname(base, path, (int)sizeof full, full) != SQLITE_OK)
		return NULL;
	return find_key(full, strlen(full)) ? WN_CRYPTVFS_NAME : NULL;
}

int wn_cryptvfs_head(const char *path, unsigned char *out, size_t n, size_t *got)
{
	char full[PATH_MAX];
	unsigned char page[WN_PC_PAGE];
	const struct wn_pc_key *k;
	*got = 0;
	if (!base || n > WN_PC_PAGE ||
	    base->xFullPathname(base, path, (int)sizeof full, full) != SQLITE_OK ||
	    !(k = find_key(full, strlen(full))))
		return WN_NOINPUT;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return WN_NOINPUT;
	ssize_t r = pread(fd, page, sizeof page, WN_PC_HEADER);
	close(fd);
	if (r <= 0)
		return r == 0 ? WN_OK : WN_NOINPUT;
	if (r < (ssize_t)sizeof page || wn_pc_open(k, WN_PC_DB, 1, NULL, page) != 0)
		return WN_DATAERR;
	memcpy(out, page, n);
	*got = n;
	return WN_OK;
}
