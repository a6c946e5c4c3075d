package vn.childsafe.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One stack per data directory: the first start holds an OS lock on {@code stack.lock} there and writes into it
 * which process holds which port, so a second start can say so in one line instead of failing deep inside
 * PostgreSQL's own lock. The OS releases the lock when the process ends, however it ends.
 */
final class StackLock implements AutoCloseable {

    /** A second start on a data directory whose stack is running. */
    static final class AlreadyRunning extends IllegalStateException {

        AlreadyRunning(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDir} and records {@code holds} (the ports) in it.
     *
     * @throws AlreadyRunning if another stack holds it
     */
    static StackLock acquire(Path dataDir, String holds) {
        Path file = dataDir.resolve("stack.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM already
            }
            if (lock == null) {
                channel.close();
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                throw new AlreadyRunning("A ChildSafe stack is already running on " + dataDir + " (" + holder
                        + "); stop it with Ctrl-C in its terminal or kill " + holder.replaceAll("^pid (\\d+).*", "$1")
                        + ", or start this one with another CHILDSAFE_DATA_DIR and other ports.");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " holds " + holds)
                            .getBytes(StandardCharsets.UTF_8)),
                    0);
            channel.force(true);
            return new StackLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
