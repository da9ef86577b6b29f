#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""day_status.py -- read one surface of tests/data/day_status.sh's diary
and check that it says of each day what tests/data/day_status.want says
(issue 14 item 6: one truth for a day's status on every surface).

    day_status.py SURFACE FILE

SURFACE is show, log, csv, json, report, calendar (the day lines, one a
day), grid (a capture of the Calendar's month) or journal (a capture of
the Journal's list).  Each surface is read into one row a day -- recorded,
burden, sertraline's dose, flagged -- with "*" where the surface does not
say; every other field must equal the wanted one.  Prints the surface's
rows, then "SURFACE: the N days agree" (exit 0) or each disagreement (exit
1).
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = re.compile(r'(\d{4}-\d\d-\d\d)')
FIELDS = ('recorded', 'burden', 'dose', 'flag')


def want():
    rows = {}
    with open(os.path.join(HERE, 'day_status.want'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            d, rec, burden, rest = line.split(None, 3)
            dose, flag = rest.rsplit(None, 1)
            rows[d] = {'recorded': rec, 'burden': burden, 'dose': dose.strip(),
                       'flag': flag}
    return rows


def row(recorded='*', burden='*', dose='*', flag='*'):
    return {'recorded': recorded, 'burden': burden, 'dose': dose, 'flag': flag}


def dose_words(text):
    """A dose in core/vocab.h's words (wn_vocab_dose_detail) -> status."""
    if text.startswith('not recorded'):
        return 'not recorded'
    if text.startswith('skipped'):
        return 'skipped'
    if 'than planned' in text:
        return 'different'
    if 'as planned' in text:
        return 'as planned'
    return 'not planned'


def dose_cell(cell):
    """A list's dose cell (wn_vocab_dose_cell) -> status; "-" or an en
    dash: not recorded."""
    cell = cell.strip()
    if cell in ('-', '\u2013', ''):
        return 'not recorded'
    if cell.endswith(' ~'):
        return 'different'
    if cell.endswith(' s'):
        return 'skipped'
    return 'as planned'


def read_show(text):
    out = {}
    for block in re.split(r'\n(?=\d{4}-\d\d-\d\d \w{3}\n)', text.strip()):
        lines = block.split('\n')
        d = lines[0][:10]
        r = row(recorded='0' if 'no record for this day' in lines else '1', burden='-',
                flag='1' if 'Flagged for the prescriber' in lines else '0')
        for line in lines:
            m = re.match(r'Symptoms +burden (\d+)$', line)
            if m:
                r['burden'] = m.group(1)
            m = re.match(r'Dose status sertraline: (.*)$', line)
            if m:
                r['dose'] = dose_words(m.group(1))
        out[d] = r
    return out


def read_log(text):
    out = {}
    for line in text.split('\n'):
        m = DATE.match(line)
        if not m:
            continue
        if line.rstrip().endswith('(no record)'):
            out[m.group(1)] = row(recorded='0', burden='-', flag='0')
            continue
        line = line.ljust(60)
        out[m.group(1)] = row(recorded='1', burden=line[36:40].strip(),
                              dose=dose_cell(line[42:52]),
                              flag='1' if line[53] == '!' else '0')
    return out


def read_csv(text):
    out = {}
    rows = list(csv.reader(text.splitlines(keepends=True)))
    head = rows[0]
    k = {c: head.index(c) for c in ('date', 'recorded', 'burden', 'sertraline status',
                                     'flag')}
    for r in rows[1:]:
        status = r[k['sertraline status']] or 'not planned'
        out[r[k['date']]] = row(recorded=r[k['recorded']], burden=r[k['burden']] or '-',
                                dose=status, flag=r[k['flag']])
    return out


def read_json(text, dates):
    days = {d['date']: d for d in json.loads(text)['days']}
    out = {}
    for d in dates:
        if d not in days:
            out[d] = row(recorded='0', burden='-', flag='0')
            continue
        x = days[d]
        ratings = x.get('ratings') or {}
        ci = x.get('checkin') or {}
        out[d] = row(recorded='1', burden=str(sum(ratings.values())) if ratings else '-',
                     dose=(x.get('dose_status') or {}).get('sertraline', 'not planned'),
                     flag=str(ci.get('flag', 0)))
    return out


def span(a, b):
    """The dates from a to b (the same month)."""
    return ['%s%02d' % (a[:8], k) for k in range(int(a[8:]), int(b[8:]) + 1)]


def read_report(text, dates):
    flat = re.sub(r'\s+', ' ', text)
    out = {d: row(recorded='1', flag='0') for d in dates}
    m = re.search(r'no record on \d+ \(\d+%\): ([^.]*)\.', flat)
    for part in (m.group(1).split(', ') if m else []):
        ends = DATE.findall(part)
        for d in span(ends[0], ends[-1]):
            out[d].update(recorded='0', burden='-', dose='not recorded')
    m = re.search(r'sertraline, the days? not as planned: (.*?)\.(?: |$)', flat)
    for item in (m.group(1).split('; ') if m else []):
        out[item[:10]]['dose'] = dose_words(item[11:])
    m = re.search(r'Days flagged for the prescriber -+ (.*?) Questions for', flat)
    for d, figures in re.findall(r'- (\d{4}-\d\d-\d\d)(?: \(([^)]*)\))?:', m.group(1) if m else ''):
        out[d]['flag'] = '1'
        b = re.search(r'burden (\d+)', figures)
        out[d]['burden'] = b.group(1) if b else '-'
    return out, counts_of_report(flat)


def counts_of_report(flat):
    c = {}
    m = re.search(r'sertraline +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)', flat)
    if m:
        for k, w in enumerate(('as planned', 'different', 'skipped', 'not recorded',
                               'not planned')):
            c[w] = int(m.group(k + 1))
    m = re.search(r'Recorded on (\d+) of the (\d+) days', flat)
    if m:
        c['recorded'] = int(m.group(1))
    m = re.search(r'Symptom burden +(\S+) +(\S+) +(\S+) +(\S+) +(\d+)', flat)
    if m:
        c['burden days'] = int(m.group(5))
        c['burden mean'] = m.group(4)
    return c


def read_calendar(text):
    out = {}
    for line in text.split('\n'):
        m = re.match(r'(\d{4}-\d\d-\d\d) \w{3}: (.*)$', line)
        if not m:
            continue
        parts = m.group(2).split(' \u00b7 ')
        r = row(recorded='1' if parts[0] == 'recorded' else '0', burden='-', flag='0',
                dose='not planned')
        for p in parts[1:]:
            if p.startswith('sertraline '):
                r['dose'] = dose_words(p[len('sertraline '):])
            elif p.startswith('burden '):
                r['burden'] = p[len('burden '):]
            elif p == 'flagged':
                r['flag'] = '1'
        out[m.group(1)] = r
    return out


def grid_heads(text):
    """The day numbers and their marks, in the grid's order: each cell is
    cw columns from column 1 (the weekdays' row gives cw), its first row
    " NN " or "[NN]" then the marks."""
    lines = text.split('\n')
    week = next(l for l in lines if 'Mon' in l and 'Tue' in l)
    cw = week.index('Tue') - week.index('Mon')
    heads = []
    for line in lines:
        cells = [line[1 + c * cw:1 + (c + 1) * cw] for c in range(7)]
        got = [re.match(r'[ \[] ?(\d{1,2})(?:[\] ]|$)([*%H!~s?]*)', c) for c in cells]
        if all(got):
            heads += [(int(m.group(1)), m.group(2)) for m in got]
    return heads


def read_grid(text, dates, today):
    """The month's marks: "?" no record (a past day), "~" different, "s"
    skipped, "!" flagged; March's days from its 1st to the next 1st."""
    out, month = {}, 0
    for n, marks in grid_heads(text):
        month += n == 1
        d = '2026-03-%02d' % n
        if month != 1 or d not in dates:
            continue
        r = row(flag='1' if '!' in marks else '0')
        if d < today:
            r['recorded'] = '0' if '?' in marks else '1'
        if '~' in marks:
            r['dose'] = 'different'
        elif 's' in marks:
            r['dose'] = 'skipped'
        out[d] = r
    return out


def read_journal(text):
    out = {}
    for line in text.split('\n'):
        m = re.match(r'^[ \u203a>] (\d{4}-\d\d-\d\d) \w{3}', line)
        if m:
            line = line.ljust(60)
            burden = line[33:39].strip()
            out[m.group(1)] = row(recorded='1',
                                  burden='-' if burden in ('-', '\u2013') else burden,
                                  dose=dose_cell(line[40:51]),
                                  flag='1' if line[53] == '!' else '0')
            continue
        m = re.search(r'\? no record (?:on (\S+)|for \d+ days \((\S+) to (\S+)\))', line)
        if m:
            for d in ([m.group(1)] if m.group(1) else span(m.group(2), m.group(3))):
                out[d] = row(recorded='0', burden='-', flag='0')
    return out


def main():
    surface, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding='utf-8').read()
    w = want()
    dates = sorted(w)
    counts = None
    if surface == 'show':
        got = read_show(text)
    elif surface == 'log':
        got = read_log(text)
    elif surface == 'csv':
        got = read_csv(text)
    elif surface == 'json':
        got = read_json(text, dates)
    elif surface == 'report':
        got, counts = read_report(text, dates)
    elif surface == 'calendar':
        got = read_calendar(text)
    elif surface == 'grid':
        got = read_grid(text, dates, os.environ.get('WEAN_TODAY', '2026-03-16'))
    elif surface == 'journal':
        got = read_journal(text)
    else:
        sys.exit('day_status.py: unknown surface %s' % surface)
    bad = []
    for d in dates:
        g = got.get(d)
        if g is None:
            bad.append('%s %s: not shown' % (surface, d))
            continue
        print('%s  %s' % (d, '  '.join('%s=%s' % (f, g[f]) for f in FIELDS)))
        for f in FIELDS:
            if g[f] != '*' and g[f] != w[d][f]:
                bad.append('%s %s %s: says "%s", the day is "%s"' % (surface, d, f, g[f],
                                                                    w[d][f]))
    if counts is not None:
        bad += check_counts(surface, counts, w)
    for b in bad:
        print(b)
    if bad:
        sys.exit(1)
    print('%s: the %d days agree' % (surface, len(dates)))


def check_counts(surface, counts, w):
    """The report's counts against the days: doses by status, recorded
    days, and the burden's days and mean."""
    bad = []
    want_counts = {}
    for d in w.values():
        want_counts[d['dose']] = want_counts.get(d['dose'], 0) + 1
    for s in ('as planned', 'different', 'skipped', 'not recorded', 'not planned'):
        if counts.get(s) != want_counts.get(s, 0):
            bad.append('%s: %s on %s days, the days say %d' % (surface, s, counts.get(s),
                                                              want_counts.get(s, 0)))
    rec = sum(d['recorded'] == '1' for d in w.values())
    if counts.get('recorded') != rec:
        bad.append('%s: %s recorded days, the days say %d' % (surface,
                                                              counts.get('recorded'), rec))
    burdens = [int(d['burden']) for d in w.values() if d['burden'] != '-']
    mean = '%.1f' % (sum(burdens) / len(burdens))
    if counts.get('burden days') != len(burdens) or counts.get('burden mean') != mean:
        bad.append('%s: burden on %s days, mean %s; the days say %d, %s' % (
            surface, counts.get('burden days'), counts.get('burden mean'), len(burdens),
            mean))
    print('%s counts: %s' % (surface, ', '.join('%s %s' % kv for kv in sorted(counts.items()))))
    return bad


if __name__ == '__main__':
    main()
