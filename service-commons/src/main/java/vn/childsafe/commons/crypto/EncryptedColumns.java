package vn.childsafe.commons.crypto;

import java.util.List;

/** A service's encrypted columns, for the {@link Reencryption} job. */
public interface EncryptedColumns {

    /** Every column this service encrypts with its {@link FieldCipher}. */
    List<EncryptedColumn> columns();
}
