package fr.recouvrement.channel;

/** How a communication reaches the debtor: the {@code channel} column of {@code communication}. */
public enum Channel {
  EMAIL,
  SMS,
  LETTER
}
