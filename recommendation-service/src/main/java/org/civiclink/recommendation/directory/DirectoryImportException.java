package org.civiclink.recommendation.directory;

/** A directory file that cannot be imported; names the file and the field. */
public class DirectoryImportException extends RuntimeException {

    public DirectoryImportException(String source, String problem) {
        super("Service directory " + source + " " + problem);
    }
}
