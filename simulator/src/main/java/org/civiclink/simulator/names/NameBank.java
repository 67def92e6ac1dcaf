package org.civiclink.simulator.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The name, street and place lists shipped as resources, loaded once. */
public final class NameBank {

    public record Place(String city, String zip) {
    }

    private final WeightedList<String> femaleGiven = new WeightedList<>();
    private final WeightedList<String> maleGiven = new WeightedList<>();
    private final WeightedList<String> surnames = new WeightedList<>();
    private final List<String> streets = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private final Map<String, List<String>> nicknames = new HashMap<>();

    public static NameBank load() {
        NameBank bank = new NameBank();
        lines("female.txt", line -> weighted(line, bank.femaleGiven));
        lines("male.txt", line -> weighted(line, bank.maleGiven));
        lines("surnames.txt", line -> weighted(line, bank.surnames));
        lines("streets.txt", bank.streets::add);
        lines("places.txt", line -> {
            String[] parts = line.split(",");
            bank.places.add(new Place(parts[0].trim(), parts[1].trim()));
        });
        lines("nicknames.csv", line -> {
            String[] parts = line.split(",");
            List<String> variants = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                variants.add(parts[i].trim());
            }
            bank.nicknames.put(parts[0].trim(), List.copyOf(variants));
        });
        return bank;
    }

    public WeightedList<String> givenNames(boolean female) {
        return female ? femaleGiven : maleGiven;
    }

    public WeightedList<String> surnames() {
        return surnames;
    }

    public List<String> streets() {
        return streets;
    }

    public List<Place> places() {
        return places;
    }

    /** Informal variants of a formal given name; empty if it has none. */
    public List<String> nicknamesOf(String given) {
        return nicknames.getOrDefault(given, List.of());
    }

    private static void weighted(String line, WeightedList<String> list) {
        int space = line.lastIndexOf(' ');
        list.add(line.substring(0, space).trim(), Integer.parseInt(line.substring(space + 1).trim()));
    }

    private static void lines(String file, Consumer<String> sink) {
        String path = "/org/civiclink/simulator/names/" + file;
        try (InputStream in = NameBank.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    sink.accept(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
