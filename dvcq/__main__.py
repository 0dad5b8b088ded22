from dvcq.cli import console

console()
