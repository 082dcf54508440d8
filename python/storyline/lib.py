"""include/storyline.h through ctypes over libstoryline.so (no compiled
extension): the engine, ingest, the store check, every sl_*_json call, and
the store-less comparer and de-duplicator. The calls that hand back C
structures of their own (sl_story_get, sl_search, sl_facts_extract, ...) are
reached through their JSON twins (sl_story_json, sl_search_json, ...), which
give the same. The library is $STORYLINE_LIB, else build/libstoryline.so of
the checkout this package sits in (make shared), else the installed
libstoryline.so."""
import ctypes
import ctypes.util
import os

c_int64, c_uint64, c_size_t = ctypes.c_int64, ctypes.c_uint64, ctypes.c_size_t
# The calls of storyline.h not bound: they hand back structures of their own,
# or take them, and have JSON twins that are bound (tests/e2e/binding.sh
# checks that every other call is).
UNBOUND = ("sl_article_get", "sl_article_free", "sl_copies_list", "sl_copy_list_free", "sl_stories_list",
           "sl_story_list_free", "sl_story_get", "sl_story_free", "sl_story_source_ids", "sl_search",
           "sl_search_hits_free", "sl_facts_extract", "sl_story_fact_items", "sl_fact_items_free",
           "sl_story_facts", "sl_fact_table_free", "sl_thread_stories", "sl_threads_list",
           "sl_thread_list_free", "sl_story_labels_get", "sl_story_labels_free", "sl_article_date_flag",
           "sl_extractor_new", "sl_extractor_free", "sl_extractor_allow_private", "sl_extract_page",
           "sl_extract_each", "sl_page_clear", "sl_page_json", "sl_input_article", "sl_input_read",
           "sl_timex_find",
           "sl_timex_list_free",
           "sl_story_texts_get", "sl_story_texts_free", "sl_summarize",
           "sl_summary_free", "sl_summary_json", "sl_timeline_build", "sl_timeline_free",
           "sl_timeline_json", "sl_dedup_lines_new", "sl_dedup_lines_free", "sl_dedup_lines_add")
ERROR_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)
PROGRESS_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, c_uint64, c_uint64)
WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, c_size_t)

SL_EBADINPUT = -3
# C's free(), for the calls that hand back a buffer of malloc's
# (sl_input_utf8, sl_input_prose): the library and Python share the
# process's C library.
_libc_free = ctypes.CDLL(None).free
_libc_free.restype, _libc_free.argtypes = None, [ctypes.c_void_p]
SL_JSON_PART = 0  # sl_json_form: the object alone, without the header


class Options(ctypes.Structure):
    """sl_options"""
    _fields_ = [("read_only", ctypes.c_int), ("batch_size", ctypes.c_int)]


class IngestOptions(ctypes.Structure):
    """sl_ingest_options"""
    _fields_ = [("source", ctypes.c_char_p), ("published", ctypes.c_char_p),
                ("on_error", ERROR_FN), ("on_progress", PROGRESS_FN), ("ctx", ctypes.c_void_p),
                ("jobs", ctypes.c_int), ("timeout_s", ctypes.c_int), ("delay_ms", ctypes.c_int),
                ("follow", ctypes.c_int), ("allow_private", ctypes.c_int)]


class IngestReport(ctypes.Structure):
    """sl_ingest_report"""
    _fields_ = [(name, c_uint64) for name in (
        "files", "articles_new", "articles_unchanged", "articles_versioned", "failed", "bad_bytes",
        "removed_lines", "bytes", "skipped", "articles_updated", "skipped_files")]


class StoryQuery(ctypes.Structure):
    """sl_story_query"""
    _fields_ = [("search", ctypes.c_char_p), ("since", ctypes.c_char_p), ("thread_id", c_int64),
                ("offset", ctypes.c_int), ("limit", ctypes.c_int)]


class Span(ctypes.Structure):
    """sl_span"""
    _fields_ = [("start", ctypes.c_uint32), ("end", ctypes.c_uint32)]


class Evidence(ctypes.Structure):
    """sl_evidence"""
    _fields_ = [("article_sentence", Span), ("of_sentence", Span), ("similarity", ctypes.c_double)]


# sl_text_comparison's scores, in its order: its fields after `kind`, and
# the keys Comparer.compare() gives them.
COMPARISON_SCORES = ("score", "cover_a", "cover_b", "aligned_a", "aligned_b", "best_similarity",
                     "order_overlap", "specific_overlap", "number_overlap")


class TextComparison(ctypes.Structure):
    """sl_text_comparison"""
    _fields_ = [("kind", ctypes.c_int)] + [(name, ctypes.c_double) for name in COMPARISON_SCORES] + [
        ("paraphrase", ctypes.c_int), ("n_evidence", c_size_t), ("evidence", ctypes.POINTER(Evidence))]


class DedupResult(ctypes.Structure):
    """sl_dedup_result"""
    _fields_ = [("index", c_uint64), ("is_copy", ctypes.c_int), ("copy_of", c_uint64),
                ("kind", ctypes.c_int), ("score", ctypes.c_double)]


def default_path():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", "libstoryline.so")
    if os.environ.get("STORYLINE_LIB"):
        return os.environ["STORYLINE_LIB"]
    if os.path.exists(built):
        return os.path.normpath(built)
    return ctypes.util.find_library("storyline") or "libstoryline.so"


_libs = {}


def load(path=None):
    """The library at `path` (default_path() when None), loaded once a process."""
    path = path or default_path()
    if path not in _libs:
        lib = ctypes.CDLL(path)
        eng = ctypes.c_void_p
        sigs = {
            "sl_engine_open": (ctypes.c_int, [ctypes.POINTER(eng), ctypes.c_char_p, ctypes.POINTER(Options)]),
            "sl_engine_free": (None, [eng]),
            "sl_errmsg": (ctypes.c_char_p, [eng]),
            "sl_records_count": (ctypes.c_int, [eng, ctypes.c_char_p, ctypes.POINTER(IngestOptions),
                                                ctypes.POINTER(c_uint64)]),
            "sl_records_read": (ctypes.c_int, [eng, ctypes.c_char_p, ctypes.POINTER(IngestOptions),
                                               c_uint64, c_uint64, WRITE_FN, ctypes.c_void_p]),
            "sl_ingest_records": (ctypes.c_int, [eng, ctypes.c_char_p, c_size_t,
                                                 ctypes.POINTER(IngestOptions), ctypes.POINTER(IngestReport)]),
            "sl_stories_json": (ctypes.c_int, [eng, ctypes.c_char_p, WRITE_FN, ctypes.c_void_p]),
            "sl_copies_json": (ctypes.c_int, [eng, c_int64, WRITE_FN, ctypes.c_void_p]),
            "sl_article_json": (ctypes.c_int, [eng, c_int64, WRITE_FN, ctypes.c_void_p]),
            "sl_version": (ctypes.c_char_p, []),
            "sl_process_init": (ctypes.c_int, []),
            "sl_strerror": (ctypes.c_char_p, [ctypes.c_int]),
            "sl_input_is_binary": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t]),
            "sl_input_utf8": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t,
                                             ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(c_size_t)]),
            "sl_input_prose": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t,
                                              ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(c_size_t)]),
            "sl_input_refused": (ctypes.c_char_p, [ctypes.c_char_p, ctypes.c_size_t]),
            "sl_engine_check_snapshot": (ctypes.c_int, [eng]),
            "sl_engine_read_only": (ctypes.c_int, [eng]),
            "sl_engine_refresh": (ctypes.c_int, [eng, ctypes.POINTER(ctypes.c_int)]),
            "sl_batch_commit": (ctypes.c_int, [eng]),
            "sl_batch_rollback": (ctypes.c_int, [eng]),
            "sl_ingest_path": (ctypes.c_int, [eng, ctypes.c_char_p, ctypes.POINTER(IngestOptions),
                                              ctypes.POINTER(IngestReport)]),
            "sl_ingest_buffer": (ctypes.c_int, [eng, ctypes.c_char_p, c_size_t, ctypes.c_char_p,
                                                ctypes.POINTER(IngestOptions), ctypes.POINTER(IngestReport)]),
            "sl_ingest_urls": (ctypes.c_int, [eng, ctypes.POINTER(ctypes.c_char_p), c_size_t,
                                              ctypes.POINTER(IngestOptions), ctypes.POINTER(IngestReport)]),
            "sl_store_check": (ctypes.c_int, [eng]),
            "sl_stories_set_granularity": (ctypes.c_int, [eng, ctypes.c_double]),
            "sl_copy_kind_name": (ctypes.c_char_p, [ctypes.c_int]),
            "sl_timex_type_name": (ctypes.c_char_p, [ctypes.c_int]),
            "sl_export_json": (ctypes.c_int, [eng, WRITE_FN, ctypes.c_void_p]),
            "sl_story_json": (ctypes.c_int, [eng, c_int64, WRITE_FN, ctypes.c_void_p]),
            "sl_search_json": (ctypes.c_int, [eng, ctypes.c_char_p, ctypes.c_int, WRITE_FN, ctypes.c_void_p]),
            "sl_story_facts_json": (ctypes.c_int, [eng, c_int64, ctypes.c_int, WRITE_FN, ctypes.c_void_p]),
            "sl_threads_json": (ctypes.c_int, [eng, ctypes.c_int, WRITE_FN, ctypes.c_void_p]),
            "sl_stories_page_json": (ctypes.c_int, [eng, ctypes.POINTER(StoryQuery), WRITE_FN,
                                                    ctypes.c_void_p]),
            "sl_facts_extract_json": (ctypes.c_int, [ctypes.c_char_p, c_size_t, ctypes.c_char_p,
                                                     ctypes.c_char_p, WRITE_FN, ctypes.c_void_p]),
            "sl_timex_json": (ctypes.c_int, [ctypes.c_char_p, c_size_t, ctypes.c_char_p,
                                             ctypes.c_char_p, ctypes.c_int, WRITE_FN, ctypes.c_void_p]),
            "sl_text_comparer_new": (ctypes.c_void_p, []),
            "sl_text_comparer_free": (None, [ctypes.c_void_p]),
            "sl_text_compare": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, c_size_t, ctypes.c_char_p,
                                               c_size_t, ctypes.POINTER(TextComparison)]),
            "sl_text_comparison_clear": (None, [ctypes.POINTER(TextComparison)]),
            "sl_text_comparer_text": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_int,
                                                        ctypes.POINTER(c_size_t)]),
            "sl_dedup_new": (ctypes.c_void_p, [c_size_t]),
            "sl_dedup_free": (None, [ctypes.c_void_p]),
            "sl_dedup_add": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, c_size_t,
                                            ctypes.POINTER(DedupResult)]),
        }
        for name, (res, args) in sigs.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        _libs[path] = lib
    return _libs[path]


def _collect(call, *args):
    """What `call` (an sl_*_json function, or sl_records_read: any that takes
    a write callback last) writes, as bytes, and its return code."""
    out = bytearray()

    def write(_ctx, data, size):
        out.extend(ctypes.string_at(data, size))
        return 0
    rc = call(*args, WRITE_FN(write), None)
    return rc, bytes(out)


def version(lib=None):
    return load(lib).sl_version().decode()


def process_init(lib=None):
    """Optional, once a process, before any thread uses SQLite: turns SQLite's
    memory statistics off (~1.8% of an ingest). False when SQLite (Python's
    sqlite3 module, say) was in use already; nothing then changes."""
    return load(lib).sl_process_init() == 0


def strerror(code, lib=None):
    return load(lib).sl_strerror(code).decode()


def _input_buffer(call, data, lib):
    """`data` (bytes) through `call` (sl_input_utf8 or sl_input_prose): the
    buffer it hands back, freed here with C's free, or `data` itself when it
    hands back none."""
    out, size = ctypes.c_void_p(), c_size_t()
    rc = getattr(load(lib), call)(data, len(data), ctypes.byref(out), ctypes.byref(size))
    if rc:
        raise StoreError(rc, strerror(rc, lib))
    if not out.value:
        return data
    try:
        return ctypes.string_at(out.value, size.value)
    finally:
        _libc_free(out)


def input_utf8(data, lib=None):
    """`data` (bytes) in UTF-8 as ingest reads it: an HTML page in UTF-16 with
    its byte-order mark decoded by the library's page decoder, any other input
    returned unchanged (sl_input_utf8)."""
    return _input_buffer("sl_input_utf8", data, lib)


def input_prose(data, lib=None):
    """The prose of `data` (bytes) as the prose commands read it: an HTML page
    (UTF-8 or UTF-16) gives its article text as extract gives it, any other
    input is returned unchanged (sl_input_prose). A page without article text
    raises StoreError with SL_EBADINPUT."""
    return _input_buffer("sl_input_prose", data, lib)


def text_json(call, text, reference=None, lib=None):
    """A store-less JSON call on a text: "sl_facts_extract_json" or
    "sl_timex_json" (`reference`: the publication date, ISO; `input` is left
    out, and timex writes its lines without the header: SL_JSON_PART)."""
    data = text.encode() if isinstance(text, str) else text
    args = [data, len(data), reference.encode() if reference else None, None]
    if call == "sl_timex_json":
        args.append(SL_JSON_PART)
    rc, out = _collect(getattr(load(lib), call), *args)
    if rc:
        raise StoreError(rc, strerror(rc, lib))
    return out


class _Handle:
    """A handle freed by close(): at the end of a `with` block, or when
    collected unclosed. close() may be called again."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        if getattr(self, "handle", None):
            self.close()


class Comparer(_Handle):
    """sl_text_comparer: is text a a copy of b (the copies stage, no store)."""

    def __init__(self, lib=None):
        self.lib = load(lib)
        self.handle = self.lib.sl_text_comparer_new()
        if not self.handle:
            raise MemoryError("sl_text_comparer_new")

    def compare(self, a, b):
        """A dict of the comparison; each piece of evidence with its two
        sentences cut from the texts as normalised, which the offsets point into."""
        a = a.encode() if isinstance(a, str) else a
        b = b.encode() if isinstance(b, str) else b
        r = TextComparison()
        rc = self.lib.sl_text_compare(self.handle, a, len(a), b, len(b), ctypes.byref(r))
        if rc:
            raise StoreError(rc, self.lib.sl_strerror(rc).decode())
        try:   # the evidence is freed whatever is raised below
            texts = [self.text(0), self.text(1)]
            out = {name: getattr(r, name) for name in COMPARISON_SCORES}
            out["kind"] = self.lib.sl_copy_kind_name(r.kind).decode()
            out["paraphrase"] = bool(r.paraphrase)
            out["evidence"] = [{"a": texts[0][e.article_sentence.start:e.article_sentence.end].decode(),
                                "b": texts[1][e.of_sentence.start:e.of_sentence.end].decode(),
                                "similarity": e.similarity} for e in r.evidence[:r.n_evidence]]
        finally:
            self.lib.sl_text_comparison_clear(ctypes.byref(r))
        return out

    def text(self, which):
        """Text a (0) or b (1) of the last comparison as normalised, as bytes."""
        n = c_size_t()
        p = self.lib.sl_text_comparer_text(self.handle, which, ctypes.byref(n))
        return ctypes.string_at(p, n.value)

    def close(self):
        if self.handle:
            self.lib.sl_text_comparer_free(self.handle)
            self.handle = None


class Dedup(_Handle):
    """sl_dedup: texts in stream order, each reported as a copy of an earlier one or not."""

    def __init__(self, window=0, lib=None):
        self.lib = load(lib)
        self.handle = self.lib.sl_dedup_new(window)
        if not self.handle:
            raise MemoryError("sl_dedup_new")

    def add(self, text):
        """(is_copy, copy_of, kind, score) of the next text."""
        data = text.encode() if isinstance(text, str) else text
        r = DedupResult()
        rc = self.lib.sl_dedup_add(self.handle, data, len(data), ctypes.byref(r))
        if rc:
            raise StoreError(rc, self.lib.sl_strerror(rc).decode())
        return bool(r.is_copy), r.copy_of, self.lib.sl_copy_kind_name(r.kind).decode(), r.score

    def close(self):
        if self.handle:
            self.lib.sl_dedup_free(self.handle)
            self.handle = None


class StoreError(Exception):
    """A call failed; the message is sl_errmsg's."""
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class Engine(_Handle):
    """An engine handle (sl_engine) on a store; close() frees it (or a
    `with` block's end, or collection unclosed)."""

    def __init__(self, db, read_only=False, lib=None):
        self.lib = load(lib)
        self.handle = ctypes.c_void_p()
        rc = self.lib.sl_engine_open(ctypes.byref(self.handle), os.fsencode(db),
                                     ctypes.byref(Options(read_only=int(read_only))))
        if rc:
            message = self.errmsg()
            self.close()
            raise StoreError(rc, message)

    def errmsg(self):
        return self.lib.sl_errmsg(self.handle).decode("utf-8", "replace")

    def check(self, rc, ok=(0,)):
        if rc not in ok:
            raise StoreError(rc, self.errmsg())
        return rc

    def close(self):
        if self.handle:
            self.lib.sl_engine_free(self.handle)
            self.handle = ctypes.c_void_p()

    def records_count(self, path, opts=None):
        n = c_uint64()
        self.check(self.lib.sl_records_count(self.handle, os.fsencode(path), opts, ctypes.byref(n)))
        return n.value

    def records_read(self, path, first, count, opts=None):
        """The records of items [first, first + count) of `path`, as bytes."""
        rc, out = _collect(self.lib.sl_records_read, self.handle, os.fsencode(path), opts, first, count)
        self.check(rc)
        return out

    def ingest_records(self, records, opts, report):
        """Returns 0, or SL_EBADINPUT when some items failed (reported through opts)."""
        return self.check(self.lib.sl_ingest_records(self.handle, records, len(records), opts,
                                                     ctypes.byref(report)), ok=(0, SL_EBADINPUT))

    def json(self, call, *args):
        """The JSON document a sl_*_json call writes, as bytes; a str argument
        is passed as UTF-8, as ingest_buffer and text_json take it."""
        args = [a.encode() if isinstance(a, str) else a for a in args]
        rc, out = _collect(getattr(self.lib, call), self.handle, *args)
        self.check(rc)
        return out

    def check_snapshot(self):
        """Raises StoreError when a store read without locks changed while read."""
        self.check(self.lib.sl_engine_check_snapshot(self.handle))

    def refresh(self):
        """A read-only engine's snapshot renewed; whether the store changed."""
        changed = ctypes.c_int()
        self.check(self.lib.sl_engine_refresh(self.handle, ctypes.byref(changed)))
        return bool(changed.value)

    def ingest_path(self, path, opts=None, report=None):
        """Returns 0, or SL_EBADINPUT when some inputs failed (errmsg() names the last)."""
        return self.check(self.lib.sl_ingest_path(self.handle, os.fsencode(path), opts,
                                                  ctypes.byref(report) if report else None),
                          ok=(0, SL_EBADINPUT))

    def ingest_buffer(self, data, name="-", opts=None, report=None):
        data = data.encode() if isinstance(data, str) else data
        return self.check(self.lib.sl_ingest_buffer(self.handle, data, len(data), name.encode(), opts,
                                                    ctypes.byref(report) if report else None),
                          ok=(0, SL_EBADINPUT))

    def ingest_urls(self, urls, opts=None, report=None):
        array = (ctypes.c_char_p * len(urls))(*[u.encode() for u in urls])
        return self.check(self.lib.sl_ingest_urls(self.handle, array, len(urls), opts,
                                                  ctypes.byref(report) if report else None),
                          ok=(0, SL_EBADINPUT))

    def commit(self):
        self.check(self.lib.sl_batch_commit(self.handle))

    def rollback(self):
        self.check(self.lib.sl_batch_rollback(self.handle))

    def store_check(self):
        """Raises StoreError naming the first problem of the store."""
        self.check(self.lib.sl_store_check(self.handle))

    def set_granularity(self, granularity):
        self.check(self.lib.sl_stories_set_granularity(self.handle, granularity))
