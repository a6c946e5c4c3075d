package vn.childsafe.intake.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import vn.childsafe.commons.crypto.EncryptedColumn;
import vn.childsafe.commons.crypto.EncryptedColumns;

/** Intake's encrypted columns: a report's identity and description. */
@ApplicationScoped
public class ReportEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> columns() {
        return Report.ENCRYPTED;
    }
}
