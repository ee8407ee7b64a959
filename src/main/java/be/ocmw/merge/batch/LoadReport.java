package be.ocmw.merge.batch;

import java.util.List;

/**
 * What a load did, file by file, and the rows it refused: the counts add up, so nothing is lost.
 * {@code alreadyLoaded} is true when the same content had been loaded before and nothing was done.
 */
public record LoadReport(String what, long jobInstance, List<LoadFile> files, List<Rejection> rejections, int rejectionCount,
                         boolean alreadyLoaded) {

    public int accepted() {
        return files.stream().mapToInt(LoadFile::accepted).sum();
    }

    public int rejected() {
        return files.stream().mapToInt(LoadFile::rejected).sum();
    }

    public int emptyRows() {
        return files.stream().mapToInt(LoadFile::emptyRows).sum();
    }

    public List<LoadFile> refusedFiles() {
        return files.stream().filter(LoadFile::refused).toList();
    }

    public boolean anyFileRefused() {
        return files.stream().anyMatch(LoadFile::refused);
    }
}
