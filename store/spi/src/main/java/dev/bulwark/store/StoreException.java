package dev.bulwark.store;

/**
 * The store could not do what was asked: the backend failed (I/O, a lost connection), the
 * database is newer than this code, or the seal refused to open a record. Messages name
 * records and files, never secret values.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
