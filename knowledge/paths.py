"""Where the knowledge base keeps its state below the data directory (light: no Chroma, no parsers).

One home for these names: the knowledge base, the vector store and curation use them, and so does the storage
record (``privacy_record``) that tells /transparenz what lies where.
"""

REGISTRY_FILE = "knowledge.sqlite3"   # document registry and keyword index (SQLite)
FILES_DIR = "knowledge_files"         # a copy of each original, for reindexing
CHROMA_DIR = "chroma"                 # vectors, embedded mode
UPLOADS_DIR = "uploads"               # browser uploads waiting for the client-data check or a confirmation
