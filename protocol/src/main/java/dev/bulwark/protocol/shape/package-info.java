/**
 * Knowledge about SDK model metadata that every protocol codec shares: which values count
 * as absent, how to build nested structures, the timestamp encodings, and which members
 * AWS marks sensitive.
 */
package dev.bulwark.protocol.shape;
