/**
 * A runnable sample: {@code explain} over a small configuration ({@code mvn -q -pl ccs-store exec:java}).
 *
 * <p>Nothing imports it; it imports the domain only.
 */
package io.ccsfront.demo;
