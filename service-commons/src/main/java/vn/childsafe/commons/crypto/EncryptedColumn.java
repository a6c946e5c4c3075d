package vn.childsafe.commons.crypto;

/**
 * A database column holding {@link FieldCipher} values, each bound to the context {@code <table>/<row id>/<column>}.
 * Services list theirs as {@link EncryptedColumns} beans so that the {@link Reencryption} job can find values that
 * are not yet under the active key.
 *
 * @param table    table name
 * @param idColumn the primary key column
 * @param idType   the SQL type of the primary key ({@code uuid}, {@code bigint}, {@code text})
 * @param column   the encrypted column (type {@code text})
 */
public record EncryptedColumn(String table, String idColumn, String idType, String column) {

    public EncryptedColumn {
        for (String name : new String[] {table, idColumn, idType, column}) {
            // These names are concatenated into SQL: only plain identifiers are allowed.
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not an SQL identifier: " + name);
            }
        }
    }

    /** The associated data binding a value to this column of row {@code id}. */
    public String context(Object id) {
        return table + "/" + id + "/" + column;
    }
}
