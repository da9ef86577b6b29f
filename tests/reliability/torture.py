#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash-safety torture test for wean (SPEC section 8, issue #7).

Writes check-ins, doses, notes, questions, symptoms, imports, exports and
backups through the command line, and mood, symptom ratings and notes
through the TUI (in tmux), and kills wean with SIGKILL at random moments.
After every run:

  * `wean check` passes (PRAGMA integrity_check and wean's own rules; wean
    itself recovers the write-ahead log left by the kill),
  * PRAGMA integrity_check is "ok" when read independently,
  * every acknowledged write is present -- CLI: the command exited 0;
    TUI: its "... saved" status was on the screen before the kill,
  * every write is all-or-nothing: a killed check-in sets all of its fields
    or none, a killed import all of its days or none, a killed export or
    backup leaves no file under its name or a complete one.

Reproducible: the PRNG seed (printed first) fixes the sequence of commands,
values and kill delays.  The scheduler still decides where each kill lands;
the seed reproduces the experiment, not the exact instruction.

usage: torture.py --wean BIN [--seed N] [--cli-kills N] [--tui-kills N]
                  [--max-delay-ms MS] [--keep] [-v]
Exit status: 0 all good, 1 a failure (described on stderr), 77 skipped.
"""

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

TODAY = "2026-11-25"
CHECKIN_DATES = ["2026-10-%02d" % d for d in range(1, 32)]   # checkin ops
QUESTION_DATE = "2026-09-15"
IMPORT_DATES = ["2025-01-%02d" % d for d in range(1, 31)]    # import ops
LEVELS = ["none", "mild", "moderate", "severe"]


class Failure(Exception):
    pass


def log(args, msg):
    if args.verbose:
        print(msg, flush=True)


# ---- the world -------------------------------------------------------------

class World:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="wean-torture.")
        self.db = os.path.join(self.tmp, "diary.db")
        self.fresh = os.path.join(self.tmp, "fresh", "diary.db")
        for d in ("home", "data", "config", "out", "fresh"):
            os.makedirs(os.path.join(self.tmp, d), exist_ok=True)
        self.env = dict(os.environ)
        for k in ("WEAN_DB", "WEAN_CONFIG", "NO_COLOR", "TMUX", "VISUAL", "EDITOR"):
            self.env.pop(k, None)
        self.env.update(HOME=os.path.join(self.tmp, "home"), TZ="UTC",
                        LANG="C.UTF-8", LC_ALL="C.UTF-8", WEAN_TODAY=TODAY,
                        XDG_DATA_HOME=os.path.join(self.tmp, "data"),
                        XDG_CONFIG_HOME=os.path.join(self.tmp, "config"),
                        TERM="screen-256color", TMUX_TMPDIR=self.tmp)

    def wean(self, *argv, db=None, check=True):
        p = subprocess.run([self.args.wean, "--db", db or self.db] + list(argv),
                           env=self.env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if check and p.returncode != 0:
            raise Failure("wean %s exited %d: %s" % (" ".join(argv), p.returncode,
                                                     p.stderr.decode(errors="replace").strip()))
        return p

    def cleanup(self):
        if self.args.keep:
            print("torture: kept %s" % self.tmp)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def ro_connect(path):
    """A read-only look that changes nothing on disk."""
    return sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=5)


def integrity(path):
    con = ro_connect(path)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()
    if rows != [("ok",)]:
        raise Failure("integrity_check of %s: %r" % (path, rows[:5]))


def wean_check(w, db=None):
    p = w.wean("check", db=db, check=False)
    if p.returncode != 0:
        raise Failure("wean check failed (%d): %s %s" % (
            p.returncode, p.stdout.decode(errors="replace").strip(),
            p.stderr.decode(errors="replace").strip()))


def run_killed(w, argv, delay, db=None):
    """Start wean, SIGKILL it after delay seconds unless it has finished.
    Returns (exit status, killed?, stderr)."""
    p = subprocess.Popen([w.args.wean, "--db", db or w.db] + argv, env=w.env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
    err = p.stderr.read()
    p.stderr.close()
    rc = p.wait()
    return rc, rc == -signal.SIGKILL, err.decode(errors="replace").strip()


# ---- CLI operations ----------------------------------------------------------
# Each op: argv(i) builds the command, and the model records what may be in
# the diary afterwards.  All values of a check-in derive from its number i,
# so a partly applied one is detected.

def checkin_values(i):
    return {"mood": i % 11, "anxiety": (i * 7) % 11, "energy": (i * 3) % 11,
            "sleep": (i % 49) / 2, "dizziness": i % 4, "nausea": (i // 4) % 4,
            "amount": float(1 + i % 997), "note": "c%d é 日本 line\nsecond %d" % (i, i)}


class Model:
    def __init__(self):
        self.checkins = {d: [] for d in CHECKIN_DATES}   # date -> [(i, acked)]
        self.imports = []                                 # [(i, acked)]
        self.questions = {}                               # text -> acked
        self.symptoms = {}                                # name -> acked
        self.files = []                                   # (kind, path, acked)
        self.stray = 0                                    # temp files after kills


def op_checkin(rng, i):
    d = rng.choice(CHECKIN_DATES)
    v = checkin_values(i)
    argv = ["checkin", "--date", d, "--mood", str(v["mood"]),
            "--anxiety", str(v["anxiety"]), "--energy", str(v["energy"]),
            "--sleep", "%g" % v["sleep"], "--symptom", "dizziness=%d" % v["dizziness"],
            "--symptom", "nausea=%d" % v["nausea"],
            "--dose", "sertraline=%g@08:00" % v["amount"], "--note", v["note"]]
    return argv, lambda m, acked: m.checkins[d].append((i, acked))


def op_question(rng, i):
    text = "q%d: can we hold the next step?" % i
    return (["checkin", "--date", QUESTION_DATE, "--question", text],
            lambda m, acked: m.questions.__setitem__(text, acked))


def op_symptom(rng, i):
    name = "torture %d" % i
    return (["symptoms", "add", name, "--group", "other"],
            lambda m, acked: m.symptoms.__setitem__(name, acked))


def import_file(w, i):
    days = [{"date": d, "checkin": {"mood": (i + k) % 11,
                                     "note": "imp%d day %d" % (i, k)},
             "ratings": {"headache": (i + k) % 4}}
            for k, d in enumerate(IMPORT_DATES)]
    path = os.path.join(w.tmp, "out", "import-%d.json" % i)
    with open(path, "w") as f:
        json.dump({"format": "wean", "schema_version": 1, "days": days}, f)
    return path


def op_import(w):
    def make(rng, i):
        # Each import overwrites the last one's days (replace), after a
        # backup of the diary; at most 99 backups a day, so they go.
        shutil.rmtree(os.path.join(w.tmp, "backups"), ignore_errors=True)
        return (["import", import_file(w, i), "--on-conflict", "replace"],
                lambda m, acked: m.imports.append((i, acked)))
    return make


def op_file(w, kind):
    def make(rng, i):
        if kind == "backup":
            path = os.path.join(w.tmp, "out", "b%d.db" % i)
            argv = ["backup", path]
        else:
            path = os.path.join(w.tmp, "out", "e%d.csv" % i)
            argv = ["export", "--format", "csv", "-o", path]
        return argv, lambda m, acked: m.files.append((kind, path, acked))
    return make


# ---- verification of the model -------------------------------------------------

def candidates(history):
    """The runs whose values may be in place: the last acknowledged one and
    every killed one after it (None = nothing / untouched)."""
    last = None
    for k, (i, acked) in enumerate(history):
        if acked:
            last = k
    if last is None:
        return {None} | {i for i, _ in history}
    return {history[last][0]} | {i for i, acked in history[last + 1:] if not acked}


def checkin_state(con, d):
    row = con.execute("SELECT mood, anxiety, energy, sleep, note FROM checkin"
                      " WHERE date = ?", (d,)).fetchone()
    rat = dict(con.execute("SELECT s.name, r.value FROM rating r JOIN symptom s"
                           " ON s.id = r.symptom_id WHERE r.date = ?", (d,)).fetchall())
    dose = con.execute("SELECT amount FROM dose WHERE date = ? AND minute = 480",
                       (d,)).fetchall()
    if row is None or row[4] is None:
        if row and any(x is not None for x in row) or rat or dose:
            raise Failure("%s: fields without a note (partial check-in): %r %r %r"
                          % (d, row, rat, dose))
        return None
    note = row[4]
    try:
        i = int(note.split(" ", 1)[0][1:])
    except ValueError:
        raise Failure("%s: unexpected note %r" % (d, note))
    v = checkin_values(i)
    got = {"mood": row[0], "anxiety": row[1], "energy": row[2], "sleep": row[3],
           "dizziness": rat.get("dizziness"), "nausea": rat.get("nausea"),
           "amount": dose[0][0] if len(dose) == 1 else dose, "note": note}
    if got != v:
        raise Failure("%s: check-in %d is partial or mixed: got %r, want %r"
                      % (d, i, got, v))
    return i


def verify_checkins(con, m):
    for d, hist in m.checkins.items():
        i = checkin_state(con, d)
        ok = candidates(hist)
        if i not in ok:
            raise Failure("%s: the diary holds check-in %r, expected one of %r"
                          " (history %r)" % (d, i, sorted(ok, key=str), hist[-6:]))


def verify_imports(con, m):
    rows = con.execute("SELECT date, mood, note FROM checkin WHERE date BETWEEN ?"
                       " AND ? ORDER BY date", (IMPORT_DATES[0], IMPORT_DATES[-1])).fetchall()
    seen = set()
    for d, mood, note in rows:
        k = IMPORT_DATES.index(d)
        i = int(note.split(" ")[0][3:])
        if note != "imp%d day %d" % (i, k) or mood != (i + k) % 11:
            raise Failure("import day %s mixed: %r %r" % (d, mood, note))
        seen.add(i)
    if rows and len(rows) != len(IMPORT_DATES):
        raise Failure("import partly applied: %d of %d days" % (len(rows), len(IMPORT_DATES)))
    if len(seen) > 1:
        raise Failure("days from several imports mixed: %r (imports are one"
                      " transaction)" % sorted(seen))
    i = seen.pop() if seen else None
    if i not in candidates(m.imports):
        raise Failure("the diary holds import %r, expected one of %r" % (i, candidates(m.imports)))


def verify_lists(con, m):
    qs = {}
    for (t,) in con.execute("SELECT text FROM question"):
        qs[t] = qs.get(t, 0) + 1
    for t, acked in m.questions.items():
        if acked and t not in qs:
            raise Failure("acknowledged question lost: %r" % t)
    for t, n in qs.items():
        if t not in m.questions or n != 1:
            raise Failure("unexpected question %r (x%d)" % (t, n))
    names = {n for (n,) in con.execute("SELECT name FROM symptom")}
    for n, acked in m.symptoms.items():
        if acked and n not in names:
            raise Failure("acknowledged symptom lost: %r" % n)


def verify(w, m):
    wean_check(w)
    integrity(w.db)
    con = ro_connect(w.db)
    try:
        verify_checkins(con, m)
        verify_imports(con, m)
        verify_lists(con, m)
    finally:
        con.close()


def verify_file(w, kind, path, acked):
    """An export or backup: complete under its name, or absent."""
    if not os.path.exists(path):
        if acked:
            raise Failure("acknowledged %s %s is missing" % (kind, path))
        return
    if os.stat(path).st_mode & 0o777 != 0o600:
        raise Failure("%s %s has mode %o" % (kind, path, os.stat(path).st_mode & 0o777))
    if kind == "backup":
        integrity(path)
        con = ro_connect(path)
        try:
            appid = con.execute("PRAGMA application_id").fetchone()[0]
        finally:
            con.close()
        if appid != 0x5745414e:
            raise Failure("backup %s is not a wean diary" % path)
    else:
        want = w.wean("export", "--format", "csv").stdout
        with open(path, "rb") as f:
            if f.read() != want:
                raise Failure("export %s is not complete" % path)


def count_stray(w):
    return sum(1 for n in os.listdir(os.path.join(w.tmp, "out")) if ".tmp-" in n)


# ---- a fresh diary killed while it is being created -------------------------------

def fresh_round(w, rng, m):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(w.fresh + suffix)
        except FileNotFoundError:
            pass
    delay = rng.uniform(0, w.args.max_delay_ms / 1000.0)
    rc, killed, err = run_killed(w, ["checkin", "--mood", "3"], delay, db=w.fresh)
    if not killed and rc != 0:
        raise Failure("creating a diary failed (%d): %s" % (rc, err))
    p = w.wean("show", "today", db=w.fresh, check=False)
    out = p.stdout.decode(errors="replace")
    if p.returncode == 66 and killed and not os.path.exists(w.fresh):
        return killed
    if p.returncode != 0:
        raise Failure("a diary killed while being created cannot be opened (%d): %s"
                      % (p.returncode, p.stderr.decode(errors="replace").strip()))
    if not killed and "Mood        3/10" not in out:
        raise Failure("acknowledged first check-in lost:\n" + out)
    wean_check(w, db=w.fresh)
    return killed


# ---- the CLI loop ------------------------------------------------------------------

def cli_torture(w, rng, want_kills):
    w.wean("med", "add", "sertraline", "--unit", "mg")
    m = Model()
    ops = [(op_checkin, 40), (op_question, 10), (op_symptom, 6),
           (op_import(w), 10), (op_file(w, "backup"), 6), (op_file(w, "export"), 6)]
    weights = [wt for _, wt in ops]
    stats = {"runs": 0, "kills": 0, "committed_before_kill": 0, "fresh_kills": 0}
    i = 0
    while stats["kills"] < want_kills:
        i += 1
        if i > want_kills * 6:
            raise Failure("only %d kills after %d runs: wean finishes before the"
                          " kill; raise --max-delay-ms?" % (stats["kills"], i))
        if rng.random() < 0.08:
            if fresh_round(w, rng, m):
                stats["kills"] += 1
                stats["fresh_kills"] += 1
            stats["runs"] += 1
            continue
        make = rng.choices([o for o, _ in ops], weights)[0]
        argv, record = make(rng, i)
        delay = rng.uniform(0, w.args.max_delay_ms / 1000.0)
        rc, killed, err = run_killed(w, argv, delay)
        stats["runs"] += 1
        if not killed and rc != 0:
            raise Failure("run %d: wean %s exited %d: %s" % (i, argv[0], rc, err))
        record(m, not killed)
        log(w.args, "run %d %-8s delay %5.1f ms %s" % (i, argv[0], delay * 1000,
                                                     "KILLED" if killed else "ok"))
        verify(w, m)
        if argv[0] in ("backup", "export"):
            kind, path, acked = m.files[-1]
            verify_file(w, kind, path, acked)
            if killed and os.path.exists(path):
                stats["committed_before_kill"] += 1
        elif killed and committed(w, argv):
            stats["committed_before_kill"] += 1
        if killed:
            stats["kills"] += 1
    m.stray = count_stray(w)
    return stats


def committed(w, argv):
    """Whether a killed command's write is in the diary (for the figures)."""
    con = ro_connect(w.db)
    try:
        if argv[0] == "checkin" and "--note" in argv:
            d = argv[argv.index("--date") + 1]
            note = argv[argv.index("--note") + 1]
            return con.execute("SELECT 1 FROM checkin WHERE date = ? AND note = ?",
                               (d, note)).fetchone() is not None
        if argv[0] == "checkin":
            q = argv[argv.index("--question") + 1]
            return con.execute("SELECT 1 FROM question WHERE text = ?", (q,)).fetchone() is not None
        if argv[0] == "symptoms":
            return con.execute("SELECT 1 FROM symptom WHERE name = ?", (argv[2],)).fetchone() is not None
        if argv[0] == "import":
            i = int(os.path.basename(argv[1]).split("-")[1].split(".")[0])
            return con.execute("SELECT 1 FROM checkin WHERE note = ?",
                               ("imp%d day 0" % i,)).fetchone() is not None
    finally:
        con.close()
    return False


# ---- the TUI loop (tmux) -------------------------------------------------------------

class Tmux:
    def __init__(self, w):
        self.w = w
        self.sock = "weantorture-%d" % os.getpid()
        self.conf = os.path.join(w.tmp, "tmux.conf")
        with open(self.conf, "w") as f:
            f.write("set -g default-terminal screen-256color\nset -g status off\n"
                    "set -g escape-time 0\nset -g remain-on-exit on\n"
                    "set -g history-limit 0\nset -g exit-empty off\n")
        self.status = os.path.join(w.tmp, "exit.status")

    def tm(self, *argv, check=True):
        p = subprocess.run(["tmux", "-L", self.sock, "-f", self.conf] + list(argv),
                           env=self.w.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if check and p.returncode != 0:
            raise Failure("tmux %s: %s" % (argv[0], p.stderr.decode(errors="replace")))
        return p.stdout.decode(errors="replace")

    def start(self):
        self.tm("kill-session", "-t", "w", check=False)
        try:
            os.unlink(self.status)
        except FileNotFoundError:
            pass
        cmd = ("'%s' --db '%s'; echo $? > '%s'" % (self.w.args.wean, self.w.db, self.status))
        self.tm("new-session", "-d", "-s", "w", "-x", "80", "-y", "24", cmd)

    def screen(self):
        return self.tm("capture-pane", "-p", "-t", "w")

    def keys(self, *k):
        self.tm("send-keys", "-t", "w", *k)

    def text(self, s):
        self.tm("send-keys", "-t", "w", "-l", s)

    def wait_for(self, text, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.02)
        raise Failure("TUI: timed out waiting for %r; screen:\n%s" % (text, self.screen()))

    def pid(self, timeout=15):
        end = time.time() + timeout
        pane = self.tm("display-message", "-p", "-t", "w", "#{pane_pid}").strip()
        while time.time() < end:
            p = subprocess.run(["ps", "-o", "pid=", "--ppid", pane],
                               stdout=subprocess.PIPE)
            ids = p.stdout.split()
            if ids:
                return int(ids[0])
            time.sleep(0.005)
        raise Failure("TUI: wean did not start")

    def kill_and_capture(self, pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        end = time.time() + 15
        while not (os.path.exists(self.status) and os.path.getsize(self.status) > 0):
            if time.time() > end:
                raise Failure("TUI: the pane did not finish after the kill")
            time.sleep(0.01)
        # Once tmux has seen the pane's end it has drawn all of wean's output.
        while self.tm("display-message", "-p", "-t", "w", "#{pane_dead}").strip() != "1":
            if time.time() > end:
                raise Failure("TUI: tmux did not see the pane end")
            time.sleep(0.01)
        return self.screen()

    def stop(self):
        self.tm("kill-server", check=False)


def tui_state(w):
    con = ro_connect(w.db)
    try:
        row = con.execute("SELECT mood, note FROM checkin WHERE date = ?", (TODAY,)).fetchone()
        rat = con.execute("SELECT r.value FROM rating r JOIN symptom s ON s.id = r.symptom_id"
                          " WHERE r.date = ? AND s.name = 'dizziness'", (TODAY,)).fetchone()
    finally:
        con.close()
    return {"mood": row[0] if row else None, "note": row[1] if row else None,
            "dizziness": rat[0] if rat else None}


NOTE_WORDS = ["calm", "dizzy", "slept", "café", "日本", "zaps", "tired", "walk",
              "emoji 🙂", "e\u0301", "okay"]


def tui_round(w, t, rng, r, stats):
    old = tui_state(w)
    kill_at = rng.choices([0, 1, 2, 3, 4], [12, 25, 20, 28, 15])[0]
    delay = rng.uniform(0, w.args.max_delay_ms / 1000.0)
    acked = {}                     # field -> value shown as saved
    t.start()
    pid = t.pid()
    if kill_at == 0:               # during start-up
        time.sleep(rng.uniform(0, 0.12))
        return finish_round(w, t, pid, old, acked, None, stats)
    s = t.wait_for("Symptoms")
    if "restore it?" in s:
        t.keys("n")
        t.wait_for("Symptoms")
    steps = [("mood", None), ("dizziness", None), ("note", None)]
    for k, (field, _) in enumerate(steps, start=1):
        if field == "mood":
            v = rng.choice([x for x in range(2, 10) if x != old["mood"]])
            t.keys(str(v))
            saved = "mood %d · saved" % v
        elif field == "dizziness":
            v = rng.choice([x for x in range(4) if x != old["dizziness"]])
            # a rated mood moved the focus on to anxiety: back, then down
            t.keys("Left", "Down", str(v))
            saved = "dizziness: %s · saved" % LEVELS[v]
        else:
            # The editor opens on the day's note with the cursor at its
            # end: what is typed is appended.
            typed = " tui%d %s" % (r, " ".join(rng.choice(NOTE_WORDS)
                                              for _ in range(rng.randint(1, 6))))
            v = (old["note"] or "") + typed
            t.keys("n")
            t.wait_for("Esc when done")
            t.text(typed)
            t.keys("Escape")
            saved = "note · saved"
        if kill_at == k:
            time.sleep(delay)
            return finish_round(w, t, pid, old, acked, (field, v, saved), stats)
        t.wait_for(saved)
        acked[field] = v
    time.sleep(delay)              # idle, everything saved
    return finish_round(w, t, pid, old, acked, None, stats)


def finish_round(w, t, pid, old, acked, pending, stats):
    screen = t.kill_and_capture(pid)
    stats["tui_kills"] += 1
    wean_check(w)
    integrity(w.db)
    got = tui_state(w)
    for field in ("mood", "dizziness", "note"):
        if field in acked:
            allowed = {acked[field]}
        elif pending and pending[0] == field:
            allowed = {old[field], pending[1]}
            if pending[2] in screen:
                allowed = {pending[1]}
                stats["tui_shown_saved"] += 1
        else:
            allowed = {old[field]}
        if got[field] not in allowed:
            raise Failure("TUI: %s is %r after the kill, expected one of %r\n"
                          "(acknowledged %r, pending %r); screen:\n%s"
                          % (field, got[field], allowed, acked, pending, screen))
    if pending and got[pending[0]] == pending[1] and pending[1] != old[pending[0]]:
        stats["tui_committed_unshown" if pending[2] not in screen else "tui_committed"] += 1


def tui_torture(w, rng, want):
    if shutil.which("tmux") is None:
        print("torture: SKIP the TUI part: tmux is not installed")
        return None
    t = Tmux(w)
    stats = {"tui_kills": 0, "tui_shown_saved": 0, "tui_committed": 0,
             "tui_committed_unshown": 0}
    try:
        for r in range(want):
            tui_round(w, t, rng, r, stats)
    finally:
        t.stop()
    return stats


# ---- main -------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wean", required=True)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--cli-kills", type=int, default=200)
    ap.add_argument("--tui-kills", type=int, default=20)
    ap.add_argument("--max-delay-ms", type=float, default=30.0)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.wean = os.path.abspath(args.wean)
    # a fixed, printed seed; WEAN_SEED (or TORTURE_SEED, or --seed)
    # repeats a run, WEAN_SEED=random picks a new one
    env = os.environ.get("WEAN_SEED") or os.environ.get("TORTURE_SEED") or "20261205"
    seed = args.seed if args.seed is not None else (
        int(time.time() * 1000) % 1000000007 if env == "random" else int(env))
    print("torture: seed %d (rerun: %s --seed %d)" % (seed, os.path.basename(sys.argv[0]), seed),
          flush=True)
    rng = random.Random(seed)
    w = World(args)
    t0 = time.time()
    try:
        cli = cli_torture(w, rng, args.cli_kills)
        t1 = time.time()
        print("torture: CLI: %d runs, %d SIGKILLs survived (%d while creating a new"
              " diary; %d killed after their commit), %d stray temporary files,"
              " %.1f s" % (cli["runs"], cli["kills"], cli["fresh_kills"],
                           cli["committed_before_kill"], count_stray(w), t1 - t0), flush=True)
        tui = tui_torture(w, rng, args.tui_kills) if args.tui_kills > 0 else None
        if tui:
            print("torture: TUI: %d SIGKILLs survived (%d with the pending change shown"
                  " as saved, %d committed but not yet shown), %.1f s"
                  % (tui["tui_kills"], tui["tui_shown_saved"], tui["tui_committed_unshown"],
                     time.time() - t1), flush=True)
        print("torture: ok, seed %d, %.1f s" % (seed, time.time() - t0))
        return 0
    except Failure as e:
        print("torture: FAIL (seed %d): %s" % (seed, e), file=sys.stderr)
        args.keep = True
        return 1
    finally:
        w.cleanup()


if __name__ == "__main__":
    sys.exit(main())
