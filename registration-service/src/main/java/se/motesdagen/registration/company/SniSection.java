package se.motesdagen.registration.company;

/** The 21 sections of SNI 2007, Statistics Sweden's industry classification; names in messages. */
public enum SniSection {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U
}
