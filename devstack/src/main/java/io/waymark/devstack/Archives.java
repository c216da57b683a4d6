package io.waymark.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** Unpacks the server distributions; both write into a temporary folder first, then move it in place. */
final class Archives {

    private Archives() {
    }

    /** Unzips {@code zip}, dropping its single top folder, and marks bin/ scripts executable. */
    static void unzip(Path zip, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".unpacking");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            deleteTree(tmp);
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                String inner = slash < 0 ? name : name.substring(slash + 1);
                if (inner.isEmpty()) {
                    continue;
                }
                Path out = safeResolve(tmp, inner);
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (inner.startsWith("bin/") && inner.endsWith(".sh")) {
                    makeExecutable(out);
                }
            }
            deleteTree(target);
            Files.move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    /** Unpacks a .tar.xz stream, keeping file modes and symbolic links. */
    static void untarXz(InputStream in, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".unpacking");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = safeResolve(tmp, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        makeExecutable(out);
                    }
                }
            }
            deleteTree(target);
            Files.move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack into " + target, e);
        }
    }

    private static Path safeResolve(Path dir, String name) {
        Path out = dir.resolve(name).normalize();
        if (!out.startsWith(dir)) {
            throw new IllegalStateException("archive entry escapes its folder: " + name);
        }
        return out;
    }

    private static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(file));
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(file, perms);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
