"""storyline ingest on a Dask cluster (docs/scale.md).

    python3 -m storyline.dask --scheduler tcp://host:8786 --db month.db crawl/*.warc.gz
    python3 -m storyline.dask --local 4 --db month.db crawl/*.warc.gz

The store is the one `storyline ingest INPUT...` makes of the same inputs:
1. count (workers): the items of each input (articles and failures), walked
   as ingest walks it (sl_records_count);
2. map (workers): each input cut into partitions of --partition items, each
   turned into compact records, HTML pages already extracted
   (sl_records_read); a partition that fails is retried, one on a worker
   killed is run again elsewhere (Dask keeps the lineage);
3. merge (here, one writer): the records replayed through the engine in
   input order (sl_ingest_records) while the workers map the next ones.
Failures are reported as `storyline ingest` reports them (INPUT: reason) and
the rest goes on; exit status 0, 1 when some inputs failed, 2 usage, 3 store.
"""
import argparse
import os
import sys
import threading
import time
import uuid

from storyline import lib as sl

_map_engines = {}


def _map_engine(lib_path):
    """This worker's engine for the map: on an in-memory store, never written."""
    if lib_path not in _map_engines:
        _map_engines[lib_path] = sl.Engine(":memory:", lib=lib_path)
    return _map_engines[lib_path]


def _options(source, published):
    return sl.IngestOptions(source=source and source.encode(), published=published and published.encode())


def count_items(path, source, published, lib_path):
    """Task: the number of items of input `path`."""
    return _map_engine(lib_path).records_count(path, _options(source, published))


def read_records(path, first, count, source, published, lib_path):
    """Task: the records of items [first, first + count) of input `path`, and
    the CPU seconds the task took (the map's cost, docs/scale.md)."""
    start = time.process_time()
    records = _map_engine(lib_path).records_read(path, first, count, _options(source, published))
    return records, time.process_time() - start


class Partition:
    """Items [first, first + count) of one input, and the future of its records."""

    def __init__(self, path, first, count, future):
        self.path, self.first, self.count, self.future = path, first, count, future


def map_inputs(client, paths, partition, source=None, published=None, lib_path=None, retries=2):
    """Submits the count and then the map of every input; returns the
    partitions in input order and the inputs that could not be counted
    (path, reason). Nothing waits for the map."""
    run = uuid.uuid4().hex[:8]
    counts = [client.submit(count_items, p, source, published, lib_path, retries=retries,
                            key="storyline-count-%s-%d" % (run, i)) for i, p in enumerate(paths)]
    parts, failed = [], []
    for i, (path, fut) in enumerate(zip(paths, counts)):
        try:
            n = fut.result()
        except Exception as ex:  # the task itself failed on every try
            failed.append((path, "cannot count its items: %s" % ex))
            continue
        for first in range(0, n, partition):
            key = "storyline-map-%s-%d-%d" % (run, i, first)
            fut = client.submit(read_records, path, first, partition, source, published, lib_path,
                                retries=retries, key=key)
            parts.append(Partition(path, first, min(partition, n - first), fut))
    return parts, failed


class Merge:
    """The single writer: replays partitions' records into one store in order."""

    def __init__(self, engine, source=None, published=None, quiet=False):
        self.engine = engine
        self.report = sl.IngestReport()
        self.failed = 0
        self.quiet = quiet
        self.busy = 0.0       # seconds spent ingesting records, wall
        self.cpu = 0.0        # and CPU (of this thread: the writer's alone)
        self.map_cpu = 0.0    # CPU seconds of the map tasks merged
        self.bytes = 0        # size of the records merged
        self.on_error = sl.ERROR_FN(lambda _ctx, name, reason: self.error(name.decode(), reason.decode()))
        self.opts = sl.IngestOptions(source=source and source.encode(),
                                     published=published and published.encode(), on_error=self.on_error)

    def error(self, name, reason):
        self.failed += 1
        print("storyline: %s: %s" % (name, reason), file=sys.stderr, flush=True)

    def partition(self, part):
        try:
            records, cpu = part.future.result()
        except Exception as ex:
            self.error("%s (items %d-%d)" % (part.path, part.first + 1, part.first + part.count),
                       "the map failed: %s" % ex)
            return
        finally:
            part.future.release()
        start, cpu_start = time.perf_counter(), time.thread_time()
        self.engine.ingest_records(records, self.opts, self.report)
        self.busy += time.perf_counter() - start
        self.cpu += time.thread_time() - cpu_start
        self.map_cpu += cpu
        self.bytes += len(records)


def _show_progress(parts):
    """Dask's own progress bar of the map, on standard error, when it is a terminal."""
    from distributed import progress
    if sys.stderr.isatty() and parts:
        threading.Thread(target=progress, args=([p.future for p in parts],), daemon=True).start()


def _client(args):
    from distributed import Client, LocalCluster
    if args.scheduler:
        return Client(args.scheduler), None
    # Local workers import this package as the client does.
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))
    cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def _parse(argv):
    ap = argparse.ArgumentParser(prog="python3 -m storyline.dask",
                                 description="storyline ingest on a Dask cluster (docs/scale.md)")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, tcp://host:8786")
    where.add_argument("--local", metavar="N", type=int, help="a local cluster of N worker processes")
    ap.add_argument("--db", default=os.environ.get("STORYLINE_DB", "storyline.db"), help="the store")
    ap.add_argument("--source", help="outlet for inputs that name none")
    ap.add_argument("--date", help="date for inputs that carry none (ISO-8601)")
    ap.add_argument("--partition", type=int, default=1000, metavar="ITEMS",
                    help="items a map task (default 1000; a multiple of the batch, 500)")
    ap.add_argument("--lib", help="libstoryline.so (default: $STORYLINE_LIB, build/, installed)")
    ap.add_argument("--quiet", action="store_true", help="no summary")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders, as for storyline ingest")
    args = ap.parse_args(argv)
    if args.local is not None and args.local < 1 or args.partition < 1:
        ap.error("--local and --partition take a positive number")
    return args


def main(argv=None):
    args = _parse(argv)
    start = time.perf_counter()
    lib_path = args.lib or (None if args.scheduler else sl.default_path())
    try:
        engine = sl.Engine(args.db, lib=lib_path)
    except (OSError, sl.StoreError) as ex:
        print("storyline: %s" % ex, file=sys.stderr)
        return 3
    merge = Merge(engine, args.source, args.date, args.quiet)
    try:   # the options are checked before the cluster starts: no records, a run all the same
        engine.ingest_records(b"", merge.opts, merge.report)
    except sl.StoreError as ex:
        print("storyline: %s" % ex, file=sys.stderr)
        engine.close()
        return 2
    client, cluster = _client(args)
    ready = time.perf_counter() - start
    status, workers, parts = 0, 0, []
    try:
        workers = len(client.scheduler_info()["workers"])
        parts, unreadable = map_inputs(client, args.inputs, args.partition, args.source, args.date, lib_path)
        for path, reason in unreadable:
            merge.error(path, reason)
        _show_progress(parts)
        for part in parts:
            merge.partition(part)
    except sl.StoreError as ex:
        print("storyline: %s" % ex, file=sys.stderr)
        status = 3
    finally:
        engine.close()
        client.close()
        if cluster:
            cluster.close()
    r = merge.report
    items = r.articles_new + r.articles_unchanged + r.articles_versioned + r.articles_updated + merge.failed
    wall = time.perf_counter() - start
    if not args.quiet:
        print("dask: %d items: %d new, %d unchanged, %d new versions, %d updated, %d failed; "
              "%d workers, %d partitions; %.2f s (%.0f items/s), of which %.2f s starting the "
              "cluster; map %.2f CPU s, merge %.2f CPU s (%.2f s wall); records %.1f MB"
              % (items, r.articles_new, r.articles_unchanged, r.articles_versioned, r.articles_updated,
                 merge.failed, workers, len(parts), wall, items / wall if wall else 0, ready,
                 merge.map_cpu, merge.cpu, merge.busy, merge.bytes / 1e6),
              file=sys.stderr)
    return status or (1 if merge.failed else 0)


if __name__ == "__main__":
    from storyline import dask as _module   # tasks named by module, so workers import them
    sys.exit(_module.main())
