# SPDX-License-Identifier: GPL-3.0-or-later
"""check.py FILE... -- the .ics exports of one diary, oldest first, read
with python3-icalendar (issue 18): every UID of an export is in each later
one (no hold, resume or new plan renames an event); an event whose day or
status changed has a higher SEQUENCE, one that did not never a lower one;
each file has one event per UID; and per medication at most one dose
(a CONFIRMED event) a day.  Prints one line per file and "ok", or the
problems, and exits 1 on any."""
import collections
import re
import sys

import icalendar


def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    out = {}
    problems = []
    for e in cal.walk("VEVENT"):
        uid = str(e["UID"])
        if uid in out:
            problems.append("%s: UID %s twice" % (path, uid))
        out[uid] = {
            "day": e.decoded("DTSTART"),
            "seq": int(e.get("SEQUENCE", 0)),
            "status": str(e.get("STATUS", "CONFIRMED")),
            # the medication: the words after the dose and its unit
            "med": re.sub(r"^(?:Planned step:|Back up to) [0-9.]+ \S+ (.*?)(?: \([^)]*\))?$",
                          r"\1", str(e["SUMMARY"])),
            "summary": str(e["SUMMARY"]),
        }
    return out, problems


def one_dose_a_day(path, evs):
    seen = collections.Counter((v["med"], v["day"]) for v in evs.values()
                               if v["status"] == "CONFIRMED")
    return ["%s: %d doses of %s on %s" % (path, n, med, day)
            for (med, day), n in sorted(seen.items()) if n > 1]


def compare(old_path, old, new_path, new):
    problems = []
    for uid, o in old.items():
        n = new.get(uid)
        if n is None:
            problems.append("%s: UID %s of %s is gone" % (new_path, uid, old_path))
            continue
        changed = (o["day"], o["status"]) != (n["day"], n["status"])
        if n["seq"] < o["seq"] or (changed and n["seq"] <= o["seq"]):
            problems.append("%s: %s %s -> %s %s but SEQUENCE %d -> %d" % (
                new_path, uid, o["day"], n["day"], n["status"], o["seq"], n["seq"]))
    return problems


def main(paths):
    problems = []
    prev = None
    for path in paths:
        evs, p = events(path)
        problems += p + one_dose_a_day(path, evs)
        moved = 0
        if prev:
            problems += compare(prev[0], prev[1], path, evs)
            moved = sum(1 for u, o in prev[1].items()
                        if u in evs and (o["day"], o["status"]) != (evs[u]["day"], evs[u]["status"]))
        status = collections.Counter(v["status"] for v in evs.values())
        print("%s: %d events (%d confirmed, %d cancelled), %d changed since the last, "
              "max SEQUENCE %d" % (path, len(evs), status["CONFIRMED"], status["CANCELLED"],
                                   moved, max(v["seq"] for v in evs.values())))
        prev = (path, evs)
    for p in problems:
        print("FAIL", p)
    print("icalendar: ok" if not problems else "icalendar: %d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
