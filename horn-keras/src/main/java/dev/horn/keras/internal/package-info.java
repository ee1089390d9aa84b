/** Implementation details of horn-keras shared by its packages (number formatting as Python and R print, loss helpers); not API. */
package dev.horn.keras.internal;
