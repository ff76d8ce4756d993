import os

os.environ["HF_HUB_OFFLINE"] = "1"

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def extractor():
    from foedus.extraction.pipeline import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def run(extractor):
    from foedus.sources.loaders import article_from_text

    def _run(text: str, published: str | None = "2024-06-14", doc_id: str = "t", **meta):
        m = dict(meta)
        if published:
            m["published"] = published
        return extractor.extract_one(article_from_text(text, doc_id, "test", m))
    return _run
