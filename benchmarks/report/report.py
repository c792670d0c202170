#!/usr/bin/env python3
"""Turns a benchmark run directory into results.json, report.md and PNG charts.

Usage: report.py benchmarks/results/<date>-<name>

Reads raw/<scenario>@<variant>-r<round>.txt (wrk output with the BENCH_JSON line of benchmarks/wrk/common.lua
and the PROC line run.sh appends), raw/pgbench-*.txt, scenarios.tsv and optimisations.tsv. Every figure is the
median over the rounds. Exits 1 when any scenario saw an error or a non-2xx answer: a run with errors is a
failed run, not a fast one.
"""
import json
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def tsv(name):
    rows = []
    for line in (HERE / name).read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def parse_run(path):
    text = path.read_text(errors="replace")
    bench = re.search(r"^BENCH_JSON (.*)$", text, re.M)
    proc = re.search(r"^PROC (.*)$", text, re.M)
    degraded = re.search(r"^DEGRADED (.*)$", text, re.M)
    if not bench:
        return {"failed": True, "why": "no result line (wrk failed?): " + text[-300:]}
    run = json.loads(bench.group(1))
    run.update(json.loads(proc.group(1)) if proc else {})
    run["degraded"] = json.loads(degraded.group(1)) if degraded else {}
    run["error_count"] = sum(run["errors"].values())
    return run


def expects_errors(variant):
    """A variant that measures a degraded design may answer non-2xx; its env file says so (BENCH_EXPECT_ERRORS=1)."""
    env = HERE / "variants" / f"{variant}.env"
    return env.exists() and "BENCH_EXPECT_ERRORS=1" in env.read_text()


DEGRADED = ["revocation_skipped", "rate_limit_fail_open", "rate_limit_local_fallback", "shed"]


def collect(out):
    runs = {}
    for path in sorted((out / "raw").glob("*@*-r*.txt")):
        match = re.match(r"(.+)@(.+)-r(\d+)\.txt", path.name)
        if match:
            runs.setdefault((match.group(1), match.group(2)), []).append(parse_run(path))
    results = {}
    for (name, variant), rounds in runs.items():
        failed = [r for r in rounds if r.get("failed")]
        ok = [r for r in rounds if not r.get("failed")]
        entry = {"scenario": name, "variant": variant, "rounds": len(rounds)}
        if ok:
            med = lambda key: statistics.median(r[key] for r in ok)
            entry.update({
                "rps": round(med("rps"), 1),
                "rps_rounds": [r["rps"] for r in ok],
                "p50_ms": round(med("p50_us") / 1000, 2),
                "p90_ms": round(med("p90_us") / 1000, 2),
                "p99_ms": round(med("p99_us") / 1000, 2),
                "max_ms": round(max(r["max_us"] for r in ok) / 1000, 2),
                "bytes_per_response": round(med("bytes") / max(1, med("requests"))),
                "errors": sum(r["error_count"] for r in ok),
                "cpu_percent": round(med("cpu_percent"), 1) if all("cpu_percent" in r for r in ok) else None,
                "rss_max_mb": round(max(r.get("rss_max_kb", 0) for r in ok) / 1024, 1),
            })
            entry["degraded"] = {d: sum(r["degraded"].get(d, 0) for r in ok) for d in DEGRADED}
            if all("cache_misses" in r for r in ok):
                entry["cache_misses_per_s"] = round(statistics.median(
                    r["cache_misses"] / (r["duration_us"] / 1e6) for r in ok), 1)
        entry["expects_errors"] = expects_errors(variant)
        entry["failed"] = bool(failed) or (entry.get("errors", 1) > 0 and not entry["expects_errors"])
        if failed:
            entry["why"] = failed[0]["why"]
        results[f"{name}@{variant}"] = entry
    return results


def pgbench(out):
    found = {}
    for path in sorted((out / "raw").glob("pgbench-*.txt")):
        match = re.search(r"tps = ([0-9.]+)", path.read_text())
        found[path.stem.removeprefix("pgbench-")] = float(match.group(1)) if match else None
    return found


# Statements a relay or consumer sends after an order commits, told apart from the request's own by their text.
ASYNC_SQL = ("published_at", "FOR UPDATE SKIP LOCKED", "inbox", "confirmed_at", "pg_notify", "outbox_pending",
             "LISTEN", "count(*)", "link_clicks", "dead_letters")


def order_statements(out):
    """{scenario: (in the request, after it)} from raw/statements-*.txt (count_order_statements in run.sh)."""
    found = {}
    for path in sorted((out / "raw").glob("statements-*.txt")):
        sql = [line.split(" bazaar.sql - ", 1)[1] for line in path.read_text().splitlines() if " bazaar.sql - " in line]
        after = [s for s in sql if any(marker in s for marker in ASYNC_SQL)]
        found[path.stem.removeprefix("statements-")] = {"request": len(sql) - len(after), "after_commit": len(after),
                                                        "statements": sql}
    return found


def list_page_costs(out, file, marker):
    """The <marker> lines of raw/<file> (run.sh --order-pages, --wallet-pages), one per size."""
    path = out / "raw" / file
    if not path.exists():
        return []
    return [json.loads(m) for m in re.findall(r"^" + marker + r" (.*)$", path.read_text(), re.M)]


def page_costs(out):
    costs = {}
    for path in sorted((out / "raw").glob("pagecost@*.txt")):
        match = re.search(r"^PAGE_COST (.*)$", path.read_text(), re.M)
        if match:
            costs[path.stem.removeprefix("pagecost@")] = json.loads(match.group(1))
    return dict(sorted(costs.items(), key=lambda kv: kv[1]["products"]))


def http_beside(script):
    """The HTTP scenario that runs the same SQL as a pgbench script: by name, or the same-named scenario at a size."""
    base, _, size = script.partition("@")
    if size:
        return {"product_spread": "products_spread", "product_detail": "product_detail"}.get(base, "") + "@" + size
    return {"product_list": "products_hot@nocache", "product_detail": "product_detail@nodetailcache",
            "order_create": "order_create@default", "order_create_link": "order_create_link@default",
            "payment_webhook": "payment_webhook@default", "payout": "payout@default"}.get(base, "")


def fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def chart(out, name, title, labels, series, ylabel):
    """A bar chart with gnuplot: series is a list of (legend, values)."""
    if not shutil.which("gnuplot") or not labels:
        return None
    data = out / f"{name}.dat"
    with data.open("w") as f:
        for i, label in enumerate(labels):
            f.write('"' + label + '" ' + " ".join(str(values[i] or 0) for _, values in series) + "\n")
    plots = ", ".join(f"'{data.name}' using {k + 2}:xtic(1) title '{legend}'" for k, (legend, _) in enumerate(series))
    script = f"""set terminal pngcairo size 1200,640 font 'sans,10' noenhanced
set output '{name}.png'
set title '{title}'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set ylabel '{ylabel}'
set xtics rotate by -35
set grid ytics
set logscale y
set key top right
plot {plots}
"""
    (out / f"{name}.gp").write_text(script)
    subprocess.run(["gnuplot", f"{name}.gp"], cwd=out, check=False)
    return f"{name}.png"


def startup_and_profiles(out):
    """The --profile round: startup to /ready with and without AppCDS, and each flame graph's heaviest frames."""
    lines = []
    startup = out / "raw" / "startup.txt"
    if startup.exists():
        runs = {}
        for kind, ms in re.findall(r"^STARTUP_MS (?:([a-z]+) )?(\d+)$", startup.read_text(), re.M):
            runs.setdefault(kind or "plain", []).append(int(ms))
        lines += ["", "## Startup to /ready (java launched to the first 200, interleaved)", "",
                  "| start | runs (ms) | median ms | x plain |", "|---|---|---:|---:|"]
        plain = statistics.median(runs["plain"]) if "plain" in runs else None
        for kind, values in runs.items():
            median = statistics.median(values)
            ratio = f"{median / plain:.2f}" if plain else "–"
            lines.append(f"| {kind} | {', '.join(map(str, values))} | {fmt(median)} | {ratio} |")
    flames = sorted((out / "flame").glob("*.html")) if (out / "flame").exists() else []
    if flames:
        sys.path.insert(0, str(Path(__file__).parent))
        import flame_top
        lines += ["", "## Profiles (async-profiler, after the measured rounds)", "",
                  "Each flame graph is in `flame/`; below, the frames with most samples of their own (CPU graphs), "
                  "from `flame_top.py`."]
        for flame in flames:
            if flame.stem.endswith("-alloc"):
                continue
            total, rows = flame_top.summary(flame, top=8)
            lines += ["", f"**{flame.name}** ({fmt(total)} samples): " + "; ".join(
                f"`{title.split('/')[-1][:60]}` {pct:.1f}%" for label, _, pct, title in rows if label == "self")]
    return lines


def histograms(text, metric, by=None):
    """A Prometheus histogram's buckets from a /metrics scrape, {label value of `by` (or None): {bound: count}}, the
    series of each group added up."""
    groups = {}
    for labels, count in re.findall(r"^" + metric + r"_bucket\{(.*?)\} (\S+)$", text, re.M):
        values = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        bound = float("inf") if values["le"] == "+Inf" else float(values["le"])
        buckets = groups.setdefault(values.get(by) if by else None, {})
        buckets[bound] = buckets.get(bound, 0) + float(count)
    return groups


def histogram_delta(before, after):
    """What each group of `after` counted since `before` (two scrapes of one process)."""
    return {group: {bound: n - before.get(group, {}).get(bound, 0) for bound, n in buckets.items()}
            for group, buckets in after.items()}


def histogram_percentile(buckets, fraction):
    """The upper bound of the bucket holding the given fraction of the counts, in ms; None when empty."""
    total = buckets.get(float("inf"), 0)
    if not total:
        return None
    for bound in sorted(buckets):
        if buckets[bound] >= fraction * total:
            return bound * 1000
    return None


def checkout_at(raw, load):
    """One constant-rate run of the checkout mix (run.sh checkout_at_load): latency, lags, memory, time per operation."""
    at = lambda suffix: raw / f"checkout-{load}-{suffix}"
    run = parse_run(at("load.txt"))
    if run.get("failed"):
        return {"load": load, "failed": True, "why": run["why"]}
    mix = json.loads(re.search(r"^CHECKOUT_JSON (.*)$", at("load.txt").read_text(), re.M).group(1))
    scrapes = [at(f"metrics-{when}.txt").read_text() for when in ("before", "after")]
    lag = histogram_delta(*(histograms(t, "bazaar_events_lag_seconds") for t in scrapes)).get(None, {})
    routes = histogram_delta(*(histograms(t, "vertx_http_server_response_time_seconds", "route") for t in scrapes))
    samples = [line.split()[1:] for line in at("lags.txt").read_text().splitlines() if line.startswith("LAG")]
    warmup = parse_run(at("warmup.txt")) if at("warmup.txt").exists() else {}
    summary = {
        "load": load, "target_rps": mix["target_rps"], "achieved_rps": run["rps"],
        "p50_ms": run["p50_us"] / 1000, "p99_ms": run["p99_us"] / 1000, "p999_ms": mix["p999_us"] / 1000,
        "max_ms": run["max_us"] / 1000, "late_sends": mix["late_sends"], "most_late_ms": mix["most_late_us"] / 1000,
        "requests": run["requests"], "sent": mix["sent"], "failed_steps": mix["failed_steps"],
        "errors": run["error_count"],
        "outbox_rows_max": max((int(s[1]) for s in samples), default=None),
        "outbox_oldest_s_max": max((float(s[2]) for s in samples), default=None),
        "queued_max": max((int(s[3]) for s in samples), default=None), "lag_samples": len(samples),
        "consumer_events": int(lag.get(float("inf"), 0)),
        "consumer_lag_p50_ms": histogram_percentile(lag, 0.5), "consumer_lag_p99_ms": histogram_percentile(lag, 0.99),
        "idle_rss_mb": round(int(at("idle-rss-kb.txt").read_text().split()[0]) / 1024, 1),
        "peak_rss_mb": round(max(run.get("rss_max_kb", 0), warmup.get("rss_max_kb", 0)) / 1024, 1),
        "cpu_percent": run.get("cpu_percent"),
        "server_ms_by_route": {
            route: {"count": int(b.get(float("inf"), 0)), "p50": histogram_percentile(b, 0.5),
                    "p99": histogram_percentile(b, 0.99), "p999": histogram_percentile(b, 0.999)}
            for route, b in sorted(routes.items()) if b.get(float("inf"), 0) and route not in ("metrics", "health")},
    }
    summary["failed"] = summary["errors"] > 0 or summary["failed_steps"] > 0
    return summary


def checkout(out, results):
    """The checkout section: the mix's throughput in the rounds, then each constant-rate run; the goals at 70%."""
    raw = out / "raw"
    loads = sorted((p.name.split("-")[1] for p in raw.glob("checkout-*-load.txt")),
                   key=lambda load: (int(re.match(r"\d+", load).group()), load))
    if not loads:
        return {}, []
    sustained = results.get("checkout@docker", {})
    runs = [checkout_at(raw, load) for load in loads]
    rounds_peak = max((parse_run(f).get("rss_max_kb", 0) for f in raw.glob("checkout@docker-r*.txt")), default=0)
    peak_mb = round(max([rounds_peak / 1024] + [r.get("peak_rss_mb", 0) for r in runs]), 1)
    summary = {"sustained_rps": sustained.get("rps"), "peak_rss_mb": peak_mb, "loads": runs,
               "failed": any(r["failed"] for r in runs)}
    goal = lambda ok: "met" if ok else "**not met**"
    label = lambda load: f"{load}%" if load.isdigit() else f"{re.match(r'[0-9]+', load).group()}%, reads only"
    lines = ["", "## The checkout mix (benchmarks/wrk/checkout.lua, the Docker image's JVM flags)", "",
             f"Sustained (unthrottled, every connection sending as fast as answered, median of {sustained.get('rounds', '?')} round(s)): "
             f"**{fmt(sustained.get('rps'))} req/s**, p99 {fmt(sustained.get('p99_ms'), 2)} ms. Then a fresh server per "
             "rate, warmed at that rate, sent to at a constant rate (wrk's delay() hook; a send that found its slot "
             "already past is counted late, and its wait is not in the latency).", "",
             "| load | req/s target / sent | p50 ms | p99 ms | p99.9 ms | max ms | late sends (most late ms) | errors | "
             "outbox rows max (oldest s) | queued max | consumer lag p50 / p99 ms | RSS idle / peak MiB | CPU % |",
             "|---:|---|---:|---:|---:|---:|---|---:|---|---:|---|---|---:|"]
    for r in runs:
        if r.get("why"):
            lines.append(f"| {label(r['load'])} | FAILED: {r['why'][:80]} |" + " |" * 11)
            continue
        lines.append(
            f"| {label(r['load'])} | {fmt(r['target_rps'])} / {fmt(r['achieved_rps'])} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
            f"{r['p999_ms']:.2f} | {r['max_ms']:.1f} | {r['late_sends']} of {fmt(r['requests'])} ({r['most_late_ms']:.1f}) | "
            f"{r['errors'] + r['failed_steps']} | {r['outbox_rows_max']} ({r['outbox_oldest_s_max']}) | {r['queued_max']} | "
            f"{fmt(r['consumer_lag_p50_ms'], 1)} / {fmt(r['consumer_lag_p99_ms'], 1)} ({fmt(r['consumer_events'])} events) | "
            f"{r['idle_rss_mb']} / {r['peak_rss_mb']} | {fmt(r['cpu_percent'])} |")
    at70 = next((r for r in runs if r["load"] == "70" and not r.get("why")), None)
    if at70:
        total = sum(at70["sent"].values()) or 1
        lines += ["", f"Goals at 70%: p99 <= 10 ms: {goal(at70['p99_ms'] <= 10)} ({at70['p99_ms']:.2f} ms). RSS <= 512 MiB "
                  f"over the rounds and every run: {goal(peak_mb <= 512)} ({peak_mb} MiB at peak).",
                  "", "Requests sent at 70%: " + ", ".join(f"{k} {n} ({n / total:.1%})" for k, n in at70["sent"].items())
                  + ". Consumer lag is from an event's occurrence to its consumer's commit, and it and the times below "
                  "are histogram bucket bounds (each figure is at most that).",
                  "", "Time in the server per operation at 70% (Vert.x's `vertx_http_server_response_time_seconds`):", "",
                  "| operation | answers | p50 ms | p99 ms | p99.9 ms |", "|---|---:|---:|---:|---:|"]
        for route, t in at70["server_ms_by_route"].items():
            lines.append(f"| {route} | {fmt(t['count'])} | {fmt(t['p50'], 1)} | {fmt(t['p99'], 1)} | {fmt(t['p999'], 1)} |")
    return summary, lines


def main():
    out = Path(sys.argv[1])
    results = collect(out)
    machine = json.loads((out / "machine.json").read_text()) if (out / "machine.json").exists() else {}
    db = pgbench(out)
    shows = {(row[0], row[1]): row[3] for row in tsv("scenarios.tsv")}
    ceiling = results.get("hello@default", {}).get("rps")

    optimisations = []
    for name, before, after, change in tsv("optimisations.tsv"):
        b, a = results.get(before), results.get(after)
        if not b or not a or "rps" not in b or "rps" not in a:
            continue
        optimisations.append({
            "optimisation": name, "change": change, "before": before, "after": after,
            "rps_before": b["rps"], "rps_after": a["rps"], "speedup": round(a["rps"] / b["rps"], 2),
            "p99_ms_before": b["p99_ms"], "p99_ms_after": a["p99_ms"],
            "bytes_before": b["bytes_per_response"], "bytes_after": a["bytes_per_response"],
        })

    checkout_summary, checkout_lines = checkout(out, results)
    (out / "results.json").write_text(json.dumps({
        "machine": machine, "command": (out / "command.txt").read_text().strip() if (out / "command.txt").exists() else "",
        "scenarios": results, "optimisations": optimisations, "pgbench_tps": db, "page_cost": page_costs(out),
        "checkout": checkout_summary}, indent=2))

    ordered = sorted(results.values(), key=lambda r: (r["scenario"], r["variant"] != "default", r["variant"]))
    lines = [f"# Benchmark report: {out.name}", "",
             f"- Machine: {machine.get('nproc', '?')} cores ({machine.get('cpu', '?')}), {machine.get('memory', '?')}; "
             f"{machine.get('java', '?')}; PostgreSQL {machine.get('postgres', '?')}; {machine.get('wrk', '')}",
             f"- Date: {machine.get('date', '?')}",
             f"- Command: `{(out / 'command.txt').read_text().strip() if (out / 'command.txt').exists() else '?'}`",
             "- Figures are medians over the rounds; the load generator, PostgreSQL and Redis share the same cores, so "
             "compare ratios within this run, not absolute numbers across machines.", ""]
    lines += ["## Scenarios", "",
              "Degraded decisions during the run (from /metrics): **rev** revocation checks skipped, **open** fail-open "
              "limit decisions, **local** per-process limit fallbacks, **shed** requests refused with 503 because Redis "
              "was busy. At normal load all four are 0.", "",
              "| scenario | variant | req/s | x ceiling | p50 ms | p90 ms | p99 ms | max ms | bytes/resp | CPU % | RSS MB | errors | rev | open | local | shed | what it shows |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in ordered:
        share = f"{r['rps'] / ceiling:.3f}" if ceiling and "rps" in r else "–"
        lines.append(f"| {r['scenario']} | {r['variant']} | {fmt(r.get('rps'))} | {share} | {fmt(r.get('p50_ms'), 2)} | "
                     f"{fmt(r.get('p90_ms'), 2)} | {fmt(r.get('p99_ms'), 2)} | {fmt(r.get('max_ms'), 1)} | "
                     f"{fmt(r.get('bytes_per_response'))} | {fmt(r.get('cpu_percent'), 0)} | {fmt(r.get('rss_max_mb'), 0)} | "
                     f"{r.get('errors', 'FAILED')} | "
                     + " | ".join(fmt(r.get("degraded", {}).get(d)) for d in DEGRADED)
                     + f" | {shows.get((r['scenario'], r['variant']), '')} |")
    lines += checkout_lines
    if optimisations:
        lines += ["", "## Optimisations, before and after (same run)", "",
                  "| optimisation | before | after | req/s before | req/s after | speed-up | p99 ms before -> after | bytes/resp before -> after |",
                  "|---|---|---|---:|---:|---:|---|---|"]
        for o in optimisations:
            lines.append(f"| {o['optimisation']} | {o['before']} | {o['after']} | {fmt(o['rps_before'])} | "
                         f"{fmt(o['rps_after'])} | **{o['speedup']}x** | {o['p99_ms_before']} -> {o['p99_ms_after']} | "
                         f"{fmt(o['bytes_before'])} -> {fmt(o['bytes_after'])} |")
    if db:
        lines += ["", "## The database limit (pgbench, 8 clients, the services' own SQL)", "",
                  "| script | transactions/s | HTTP scenario beside it | HTTP req/s | HTTP / pgbench |", "|---|---:|---|---:|---:|"]
        for script, tps in db.items():
            beside = http_beside(script)
            http = results.get(beside, {})
            ratio = f"{http['rps'] / tps:.2f}" if tps and "rps" in http else "–"
            lines.append(f"| {script} | {fmt(tps)} | {beside if http else ''} | {fmt(http.get('rps'))} | {ratio} |")
    consumer = out / "raw" / "wallet-consumer.txt"
    found = re.search(r"^WALLET_CONSUMER (.*)$", consumer.read_text(), re.M) if consumer.exists() else None
    if found:
        run = json.loads(found.group(1))
        tps = db.get("wallet_commission")
        ratio = f"{run['per_second'] / tps:.2f}" if tps else "–"
        lines += ["", "## Commissions through the wallet's consumer (WalletConsumerBench)", "",
                  "| events published | transfers written | seconds | transfers/s | pgbench wallet_commission tps | ratio |",
                  "|---:|---:|---:|---:|---:|---:|",
                  f"| {fmt(run['events'])} | {fmt(run['transfers'])} | {run['seconds']} | {fmt(run['per_second'])} "
                  f"| {fmt(tps)} | {ratio} |"]
    bursts, hooks = [], []
    for path in sorted((out / "raw").glob("notifications@*.txt")):
        variant, text = path.stem.removeprefix("notifications@"), path.read_text()
        bursts += [dict(json.loads(m), variant=variant) for m in re.findall(r"^NOTIFICATION_BURST (.*)$", text, re.M)]
        hooks += [dict(json.loads(m), variant=variant) for m in re.findall(r"^WEBHOOKS (.*)$", text, re.M)]
    if bursts:
        lines += ["", "## Notifications from a burst of events (NotificationBench)", "",
                  "| variant | events published | notifications written | seconds | notifications/s |",
                  "|---|---:|---:|---:|---:|"]
        for b in bursts:
            lines.append(f"| {b['variant']} | {fmt(b['events'])} | {fmt(b['notifications'])} | {b['seconds']} | "
                         f"{fmt(b['per_second'])} |")
    if hooks:
        lines += ["", "## Webhook deliveries to a fast local receiver, without and with a dead one (NotificationBench)",
                  "", "Latency is from a delivery's queueing (in the event's transaction) to its 2xx, over the healthy "
                  "receivers' deliveries only; the clock starts at the first publish, so the consumer's time is in it.",
                  "", "| variant | run | events | healthy deliveries | seconds | deliveries/s | p50 ms | p99 ms |",
                  "|---|---|---:|---:|---:|---:|---:|---:|"]
        for h in hooks:
            lines.append(f"| {h['variant']} | {h['run']} | {fmt(h['events'])} | {fmt(h['healthy_deliveries'])} | "
                         f"{h['seconds']} | {fmt(h['per_second'])} | {h['latency_ms']['p50']} | {h['latency_ms']['p99']} |")
    for file, marker, rows, title in (("order-pagecost.txt", "ORDER_PAGE_COST", "orders", "order-list page (OrderPageCost)"),
                                      ("wallet-pagecost.txt", "WALLET_PAGE_COST", "transfers",
                                       "transfer-history page (WalletPageCost)")):
        sizes = list_page_costs(out, file, marker)
        if sizes:
            keys = [k for k in sizes[0] if k not in (rows, "seed_ms")]
            lines += ["", f"## Buffers one {title} touches (EXPLAIN ANALYZE, BUFFERS)", "",
                      f"| {rows} | " + " | ".join(keys) + " |", "|---:|" + "---:|" * len(keys)]
            for cost in sizes:
                lines.append(f"| {fmt(cost[rows])} | " + " | ".join(fmt(cost[k]) for k in keys) + " |")
    lines += startup_and_profiles(out)
    statements = order_statements(out)
    if statements:
        lines += ["", "## Statements per order create (one warm request, every statement logged)", "",
                  "| scenario | in the request | after the commit (relay, consumers) |", "|---|---:|---:|"]
        for name, counts in statements.items():
            lines.append(f"| {name} | {counts['request']} | {counts['after_commit']} |")
        lines += ["", "The statements themselves are in `raw/statements-*.txt`."]
    counted = [r for r in ordered if "cache_misses_per_s" in r]
    if counted:
        lines += ["", "## Readers that waited for a refill (X-Cache: MISS, counted by wrk)", "",
                  "| scenario | variant | misses/s | of all answers | p99 ms | max ms |", "|---|---|---:|---:|---:|---:|"]
        for r in counted:
            lines.append(f"| {r['scenario']} | {r['variant']} | {fmt(r['cache_misses_per_s'], 1)} | "
                         f"{r['cache_misses_per_s'] / r['rps']:.4%} | {fmt(r['p99_ms'], 2)} | {fmt(r['max_ms'], 1)} |")
    costs = page_costs(out)
    if costs:
        lines += ["", "## Work per list page as the catalog grows (PageCost: EXPLAIN ANALYZE, BUFFERS)", "",
                  "Shared buffers one page of products_spread touches, over every sort with and without a price floor; "
                  "the middle page is reached by following the service's own cursors.", "",
                  "| size | first pages | buffers, mean (max) | middle page | pages | buffers, mean (max) |",
                  "|---|---:|---:|---:|---:|---:|"]
        for size, c in costs.items():
            lines.append(f"| {size} | {c['first_pages']} | {c['first_buffers_mean']} ({c['first_buffers_max']}) | "
                         f"{c['middle_page']} | {c['middle_pages']} | "
                         + (f"{c['middle_buffers_mean']} ({c['middle_buffers_max']}) |" if c["middle_pages"] else "– |"))

    charts = []
    default_runs = [r for r in ordered if "rps" in r]
    png = chart(out, "throughput", "Throughput per scenario (req/s)", [f"{r['scenario']}@{r['variant']}" for r in default_runs],
                [("req/s", [r["rps"] for r in default_runs])], "requests per second")
    if png:
        charts.append(("Throughput per scenario; hello@default is the ceiling", png))
    if optimisations:
        png = chart(out, "optimisations", "Before and after each optimisation (req/s)",
                    [o["optimisation"] for o in optimisations],
                    [("before", [o["rps_before"] for o in optimisations]), ("after", [o["rps_after"] for o in optimisations])],
                    "requests per second")
        if png:
            charts.append(("Before and after each optimisation", png))
    if charts:
        lines += ["", "## Charts", ""] + [f"![{title}]({png})" for title, png in charts]

    failed = [k for k, r in results.items() if r["failed"]] + (["checkout at constant rates"] if checkout_summary.get("failed") else [])
    tolerated = [k for k, r in results.items() if r.get("expects_errors") and r.get("errors")]
    verdict = "FAILED: " + ", ".join(failed) if failed else "Every scenario answered 2xx with no errors" + (
        f", except the variants that measure a degraded design: {', '.join(tolerated)}." if tolerated else ".")
    lines += ["", "## Verdict", "", verdict]
    (out / "report.md").write_text("\n".join(lines) + "\n")
    print(f"report: {out / 'report.md'}" + (f" — FAILED: {', '.join(failed)}" if failed else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
