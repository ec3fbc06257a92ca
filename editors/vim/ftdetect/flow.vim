" .flow files are flowc procedures
autocmd BufNewFile,BufRead *.flow setfiletype flow
