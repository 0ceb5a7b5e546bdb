-- Every module's records: a public document and an optional sealed secret part.
-- Ids are UTF-8 bytes, so listings come in binary id order, as on every other backend.
-- WITHOUT ROWID keeps the rows clustered by their key, which is how they are listed.
CREATE TABLE records (
    namespace TEXT    NOT NULL,
    scope     TEXT    NOT NULL,
    id        BLOB    NOT NULL,
    document  BLOB    NOT NULL,
    sealed    BLOB,
    version   INTEGER NOT NULL,
    PRIMARY KEY (namespace, scope, id)
) WITHOUT ROWID;
