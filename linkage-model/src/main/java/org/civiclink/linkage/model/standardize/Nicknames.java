package org.civiclink.linkage.model.standardize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps a given name to the formal name it is a nickname or spelling variant of (Bill -> WILLIAM,
 * Muhammad -> MOHAMMED). Names are grouped transitively and each maps to its group's alphabetically first
 * member, so the mapping is a function and comparing canonical forms stays symmetric.
 */
public final class Nicknames {

    private static final String RESOURCE = "/org/civiclink/linkage/model/nicknames.csv";
    private static final Nicknames DEFAULT = load();

    private final Map<String, String> canonical;

    Nicknames(Map<String, String> canonical) {
        this.canonical = Map.copyOf(canonical);
    }

    public static Nicknames standard() {
        return DEFAULT;
    }

    /** The canonical formal name for a folded given name; the name itself when it is no known nickname. */
    public String canonical(String foldedName) {
        if (foldedName == null) {
            return null;
        }
        return canonical.getOrDefault(foldedName, foldedName);
    }

    private static String root(Map<String, String> parent, String name) {
        String current = name;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }

    private static void union(Map<String, String> parent, String x, String y) {
        parent.putIfAbsent(x, x);
        parent.putIfAbsent(y, y);
        String rx = root(parent, x);
        String ry = root(parent, y);
        // The alphabetically first root wins, so the result does not depend on file order.
        if (rx.compareTo(ry) < 0) {
            parent.put(ry, rx);
        } else if (ry.compareTo(rx) < 0) {
            parent.put(rx, ry);
        }
    }

    private static Nicknames load() {
        // Union-find over names: a nickname shared by two formal names (Alex: Alexander, Alejandro) joins them,
        // so every name in a group maps to the same canonical member and the relation stays transitive.
        Map<String, String> parent = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split(",");
                String formal = Text.fold(names[0]);
                for (String name : names) {
                    String folded = Text.fold(name);
                    if (folded != null && formal != null) {
                        union(parent, formal, folded);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> resolved = new HashMap<>();
        parent.keySet().forEach(name -> resolved.put(name, root(parent, name)));
        return new Nicknames(resolved);
    }
}
