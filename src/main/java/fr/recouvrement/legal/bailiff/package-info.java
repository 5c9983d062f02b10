/**
 * Missions given to a commissaire de justice through the bailiff gateway, their reports and
 * callbacks (owner of {@code bailiff_mission}).
 */
package fr.recouvrement.legal.bailiff;
