"""storyline from Python: ctypes over libstoryline.so (storyline.lib) and a
run of ingest on a Dask cluster (python3 -m storyline.dask; docs/scale.md).
The single-machine command, build/storyline, stays the default; this package
is needed only for runs on many machines."""
