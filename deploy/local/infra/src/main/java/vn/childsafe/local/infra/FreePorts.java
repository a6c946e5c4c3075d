package vn.childsafe.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for tests that run beside other stacks on one machine. */
public final class FreePorts {

    private FreePorts() {}

    /** A port nobody listens on right now. */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
