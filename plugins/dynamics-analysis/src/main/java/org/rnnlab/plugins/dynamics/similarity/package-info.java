/**
 * Comparing two trained networks on the same trials ({@code rnnlab compare}): state R² through an
 * affine map ({@code state-r2}), canonical correlations and the orthogonal Procrustes distance
 * ({@code cca}), and dynamical similarity analysis ({@code dsa}). The math classes ({@link
 * org.rnnlab.plugins.dynamics.similarity.AffineMap}, {@link
 * org.rnnlab.plugins.dynamics.similarity.Cca}, {@link
 * org.rnnlab.plugins.dynamics.similarity.HavokDmd}, {@link
 * org.rnnlab.plugins.dynamics.similarity.SimilarityTransformDistance}, …) are pure Java on EJML and
 * usable on their own.
 */
package org.rnnlab.plugins.dynamics.similarity;
