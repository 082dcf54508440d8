"""The calls of include/storyline.h that the Dask run and the store
comparison use, through ctypes over libstoryline.so (no compiled extension).
The library is $STORYLINE_LIB, else build/libstoryline.so of the checkout
this package sits in (make shared), else the installed libstoryline.so."""
import ctypes
import ctypes.util
import os

c_int64, c_uint64, c_size_t = ctypes.c_int64, ctypes.c_uint64, ctypes.c_size_t
ERROR_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p)
PROGRESS_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, c_uint64, c_uint64)
WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, c_size_t)

SL_EBADINPUT = -3


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
        }
        for name, (res, args) in sigs.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = res, args
        _libs[path] = lib
    return _libs[path]


class StoreError(Exception):
    """A call failed; the message is sl_errmsg's."""
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class Engine:
    """An engine handle (sl_engine) on a store; close() frees it."""

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
        out = bytearray()

        def write(_ctx, data, size):
            out.extend(ctypes.string_at(data, size))
            return 0
        self.check(self.lib.sl_records_read(self.handle, os.fsencode(path), opts, first, count,
                                            WRITE_FN(write), None))
        return bytes(out)

    def ingest_records(self, records, opts, report):
        """Returns 0, or SL_EBADINPUT when some items failed (reported through opts)."""
        return self.check(self.lib.sl_ingest_records(self.handle, records, len(records), opts,
                                                     ctypes.byref(report)), ok=(0, SL_EBADINPUT))

    def json(self, call, *args):
        """The JSON document a sl_*_json call writes, as bytes."""
        out = bytearray()

        def write(_ctx, data, size):
            out.extend(ctypes.string_at(data, size))
            return 0
        self.check(getattr(self.lib, call)(self.handle, *args, WRITE_FN(write), None))
        return bytes(out)
