from kg.store import Store, open_store
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore


def test_both_stores_implement_the_store_protocol(tmp_path):
    members = [n for n in dir(Store) if not n.startswith("_") or n in ("__enter__", "__exit__")]
    for cls in (EmbeddedStore, RemoteStore):
        assert all(hasattr(cls, n) for n in members if n != "batch_writes"), cls
        assert isinstance(cls.batch_writes, bool)
    with open_store(store=tmp_path / "db") as store:
        assert isinstance(store, Store)
    remote = RemoteStore(gsp_endpoint="http://127.0.0.1:9/store")
    try:
        assert isinstance(remote, Store)
    finally:
        remote.close()
