package se.motesdagen.authserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The provider's secrets on disk (passwords, the signing key) are for the user that runs it alone. */
final class OwnerOnly {

    private OwnerOnly() {}

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions (Windows): its own access rules apply
        }
    }
}
