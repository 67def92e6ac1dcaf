package org.civiclink.linkage.model;

/** The Fellegi-Sunter match weight (log2 of the posterior odds) and the matching probability. */
public record PairScore(double matchWeight, double matchProbability) {
}
