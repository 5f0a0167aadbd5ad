"""Amazon Ion text as Kestra writes and reads it (its JacksonMapper ION mapper with
io.kestra.core.serializers.ion's IonModule, IonGenerator and IonParser): the `toIon`
filter and `fromIon` function, and the files ForEachItem leaves for its subflows'
outputs. One writer and one reader for all of them."""
from .read import IonError, read_all, read_first
from .write import to_ion

__all__ = ["IonError", "read_all", "read_first", "to_ion"]
