package be.ocmw.merge.access.internal;

import be.ocmw.merge.domain.Reason;
import be.ocmw.merge.domain.InvalidIdentifierException;
import be.ocmw.merge.domain.Kbo;
import be.ocmw.merge.input.UnreadableFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a portal export folder: {@code DIR/<KBO>/<domain>.csv|.xlsx}, one folder per organisation
 * (its name the KBO, digits only or dotted). A folder that is itself named after a KBO is read as one
 * organisation. Files that cannot belong to an organisation are listed too, with the reason, so that they
 * are reported rather than silently passed over; only hidden files and Excel's lock files are skipped.
 */
public final class AccessExportFolder {

    /** One file, with the organisation and domain it stands for, or why it cannot be loaded. */
    public record ExportFile(Path path, String name, String kbo, String domain, Reason problem) {
    }

    private AccessExportFolder() {
    }

    public static List<ExportFile> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UnreadableFileException(dir, "the folder does not exist");
        }
        List<ExportFile> files = new ArrayList<>();
        Path name = dir.toAbsolutePath().normalize().getFileName();
        if (name != null && kbo(name.toString()) != null && children(dir).stream().anyMatch(Files::isRegularFile)) {
            addOrganisation(dir, name.toString(), files);
            return files;
        }
        for (Path child : children(dir)) {
            String childName = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                addOrganisation(child, childName, files);
            } else if (!skipped(childName)) {
                files.add(new ExportFile(child, childName, null, null, Reason.of("access.outside_folder")));
            }
        }
        return files;
    }

    private static void addOrganisation(Path folder, String folderName, List<ExportFile> files) {
        String kbo = kbo(folderName);
        Reason problem = kbo == null ? kboProblem(folderName) : null;
        for (Path file : children(folder)) {
            String fileName = file.getFileName().toString();
            if (skipped(fileName)) {
                continue;
            }
            String name = folderName + "/" + fileName;
            if (Files.isDirectory(file)) {
                files.add(new ExportFile(file, name, kbo, null, Reason.of("access.folder_inside")));
                continue;
            }
            int dot = fileName.lastIndexOf('.');
            String domain = (dot > 0 ? fileName.substring(0, dot) : fileName).strip();
            String extension = dot > 0 ? fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
            Reason fileProblem = problem;
            if (fileProblem == null && !List.of("csv", "xlsx", "xls").contains(extension)) {
                fileProblem = Reason.of("file.extension");
            }
            files.add(new ExportFile(file, name, kbo, domain, fileProblem));
        }
    }

    private static boolean skipped(String fileName) {
        return fileName.startsWith(".") || fileName.startsWith("~$");
    }

    private static String kbo(String folderName) {
        try {
            return Kbo.parse(folderName).digits();
        } catch (InvalidIdentifierException e) {
            return null;
        }
    }

    private static Reason kboProblem(String folderName) {
        try {
            Kbo.parse(folderName);
            return null;
        } catch (InvalidIdentifierException e) {
            return Reason.of("access.folder_kbo").then(e.reason());
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
