package org.civiclink.linkage.model.train;

/**
 * Training knobs.
 *
 * @param seed              seeds every random choice, so the same data and options give the same model
 * @param uPairs            random record pairs sampled to estimate u
 * @param maxRecords        records kept (reservoir sample) for u sampling and EM; term frequencies use all records
 * @param maxIterations     EM iteration limit
 * @param tolerance         EM stops when no m moves more than this
 * @param versionLabel      optional label in the new version ("trained-label-hash"); null for a timestamp
 */
public record TrainingOptions(long seed, int uPairs, int maxRecords, int maxIterations, double tolerance, String versionLabel) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(42L, 2_000_000, 400_000, 40, 1e-5, null);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(newSeed, uPairs, maxRecords, maxIterations, tolerance, versionLabel);
    }

    public TrainingOptions withVersionLabel(String label) {
        return new TrainingOptions(seed, uPairs, maxRecords, maxIterations, tolerance, label);
    }
}
