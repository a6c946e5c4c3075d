package vn.childsafe.intake.domain;

import java.security.SecureRandom;

/**
 * Tracking codes (mã theo dõi) a reporter can read out over the phone: {@code CS-XXXX-XXXX} from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U/V), about 8·10¹¹ combinations. Uniqueness is enforced by the
 * database; a collision is simply retried.
 */
public final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    public static String next() {
        StringBuilder code = new StringBuilder("CS-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
