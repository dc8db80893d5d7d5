package io.floe.slice.parse;

import java.util.List;
import java.util.Map;

/**
 * One compiled file with everything it includes. Definitions come in source order, included
 * ones inline; each carries the file it came from in its location.
 */
public record SliceUnit(String mainFile, Map<String, List<Metadata>> fileMetadata,
                        List<Definition> definitions) {
    public SliceUnit {
        fileMetadata = Map.copyOf(fileMetadata);
        definitions = List.copyOf(definitions);
    }

    public List<Metadata> fileMetadata(String file) {
        return fileMetadata.getOrDefault(file, List.of());
    }
}
